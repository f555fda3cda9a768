// Everything the runbook page of one store shows, gathered in one place: the store, the status verdict, the open
// outage window, terminal counts, whether Pay by Link works, Tap to Pay, and the recommendation from those facts.
import { db } from "@/lib/db";
import { errorFields, log } from "@/lib/log";
import { AppError } from "@/lib/errors";
import { assertCan, storesFor } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { openOutage, type OutageView } from "@/lib/runbook/outages";
import { payByLinkState, type PayByLinkState } from "@/lib/runbook/payment-links/queries";
import { recommend, type Recommendation } from "@/lib/runbook/recommendation";
import { storeVerdict, storeVerdicts, type StoreVerdict } from "@/lib/runbook/status-source";
import { tapToPayOf, type TapToPay } from "@/lib/runbook/tap-to-pay";
import { storeTerminalCounts, type StoreTerminalCounts } from "@/lib/runbook/terminals/queries";

export type RunbookStore = {
  id: string;
  name: string;
  timezone: string;
  country: string | null;
  defaultCurrency: string;
};

export type StoreRunbook = {
  store: RunbookStore;
  verdict: StoreVerdict | null;
  outage: OutageView | null;
  terminals: StoreTerminalCounts;
  payByLink: PayByLinkState;
  tapToPay: TapToPay;
  recommendation: Recommendation;
};

export async function loadStoreRunbook(actor: Principal, storeId: string): Promise<StoreRunbook> {
  assertCan(actor, "runbook.read", { storeId });
  const row = await db().store.findUnique({ where: { id: storeId } });
  if (!row) throw new AppError("NOT_FOUND", `No store ${storeId}.`);
  const [verdict, outage, terminals, payByLink] = await Promise.all([
    // A status read that fails must not keep the runbook from the manager: it then shows "no verdict".
    storeVerdict(actor, storeId).catch((err: unknown) => {
      log.warn("runbook.verdict_unavailable", { storeId, ...errorFields(err) });
      return null;
    }),
    openOutage(storeId),
    storeTerminalCounts(storeId),
    payByLinkState(storeId),
  ]);
  const tapToPay = tapToPayOf(row);
  const recommendation = recommend({
    verdict: verdict && { ...verdict, watching: verdict.watchedUntil !== null },
    outageDeclared: outage !== null,
    terminals,
    payByLink,
    tapToPay: { available: tapToPay.available, devices: tapToPay.devices },
  });
  return {
    store: {
      id: row.id,
      name: row.name,
      timezone: row.timezone,
      country: row.country,
      defaultCurrency: row.defaultCurrency,
    },
    verdict,
    outage,
    terminals,
    payByLink,
    tapToPay,
    recommendation,
  };
}

export type RunbookStoreSummary = RunbookStore & { verdict: StoreVerdict | null; outage: OutageView | null };

/** The stores whose runbook the caller may open, worst first (then by name). */
export async function listRunbookStores(actor: Principal): Promise<RunbookStoreSummary[]> {
  const stores = storesFor(actor, "runbook.read");
  const rows = await db().store.findMany({
    where: stores === "all" ? {} : { id: { in: stores } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, timezone: true, country: true, defaultCurrency: true },
  });
  const ids = rows.map((r) => r.id);
  const verdicts = new Map((await storeVerdicts(actor, ids).catch(() => [])).map((v) => [v.storeId, v]));
  const outages = await Promise.all(rows.map((r) => openOutage(r.id)));
  const rank = (v: StoreVerdict | null | undefined) =>
    v?.state === "outage" ? 0 : v?.state === "degraded" ? 1 : v?.state === "unknown" ? 2 : 3;
  return rows
    .map((r, i) => ({ ...r, verdict: verdicts.get(r.id) ?? null, outage: outages[i] ?? null }))
    .sort((a, b) => rank(a.verdict) - rank(b.verdict) || Number(!!b.outage) - Number(!!a.outage));
}

/** Stores a form may offer the caller for an action (names for select boxes). */
export async function storesForAction(
  actor: Principal,
  action: "links.create" | "receipts.create" | "outages.declare",
): Promise<RunbookStore[]> {
  const stores = storesFor(actor, action);
  return db().store.findMany({
    where: stores === "all" ? {} : { id: { in: stores } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, timezone: true, country: true, defaultCurrency: true },
  });
}
