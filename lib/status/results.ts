// Read models of the current state: per store (scoped to the actor's stores), per component, and the overview
// that /api/v1/status returns. Stored verdicts are shown through effectiveVerdict (maintenance, stale, failed).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { assertCan, storesFor, type Actor } from "@/lib/auth/permissions";
import { COMPONENTS, MERCHANT_KINDS, type ComponentStatus, type StoreStatus } from "@/lib/status/types";
import { activeMaintenance } from "./maintenance-active";
import { readProvider, type ProviderView } from "./provider-read";
import { disagreementOf, effectiveVerdict, type LastRun } from "./verdicts/effective";
import { parseReason } from "./verdicts/reason";
import { reasonText } from "./verdicts/reason-text";
import { ruleConfig, watchedUntil, type Memory, type StoredState, type TerminalCounts } from "./verdicts/rules";

type VerdictRow = { state: string; since: Date; reason: string; why: unknown; terminals: unknown; memory: unknown };

const storedOf = (v: VerdictRow) => ({
  state: v.state as "operational",
  since: v.since.toISOString(),
  reason: v.reason,
  why: parseReason(v.why, v.reason),
});

async function lastRuns(): Promise<Map<string, LastRun>> {
  const rows = await db().$queryRaw<{ kind: string; started_at: Date; ok: boolean; error: string | null }[]>`
    SELECT DISTINCT ON (kind) kind, started_at, ok, error FROM status_probe_runs ORDER BY kind, started_at DESC`;
  return new Map(rows.map((r) => [r.kind, { at: r.started_at, ok: r.ok, error: r.error }]));
}

async function storeRows(actor: Actor, storeIds?: string[]) {
  const scope = storesFor(actor, "status.read");
  const wanted = storeIds ? new Set(storeIds) : null;
  const ids = scope === "all" ? null : scope;
  for (const id of storeIds ?? []) assertCan(actor, "status.read", { storeId: id });
  return db().store.findMany({
    where: {
      ...(ids ? { id: { in: ids } } : {}),
      ...(wanted ? { id: { in: [...wanted].filter((w) => !ids || ids.includes(w)) } } : {}),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

async function terminalCounts(storeIds: string[]): Promise<Map<string, { total: number; connected: number }>> {
  const rows = await db().$queryRaw<{ store_id: string; total: number; connected: number }[]>`
    SELECT store_id, count(*)::int AS total, count(*) FILTER (WHERE connected)::int AS connected
    FROM terminals WHERE store_id = ANY(${storeIds}::text[])
      AND (assignment_status IS NULL OR assignment_status = 'boarded')
    GROUP BY store_id`;
  return new Map(rows.map((r) => [r.store_id, { total: r.total, connected: r.connected }]));
}

/** The verdict per store the actor may see (asserts status.read; store managers get their own stores). */
export async function getStoreStatuses(
  actor: Actor,
  opts: { storeIds?: string[]; provider?: ProviderView } = {},
): Promise<StoreStatus[]> {
  assertCan(actor, "status.read");
  const now = new Date();
  const stores = await storeRows(actor, opts.storeIds);
  const ids = stores.map((s) => s.id);
  const [verdicts, runs, maintenance, counts, provider] = await Promise.all([
    db().statusVerdict.findMany({ where: { subject: { in: ids.map((id) => `store:${id}`) } } }),
    lastRuns(),
    activeMaintenance(now, ids),
    terminalCounts(ids),
    opts.provider ? Promise.resolve(opts.provider) : readProvider(now),
  ]);
  const byStore = new Map(verdicts.map((v) => [v.storeId, v]));
  const intervalS = env().STATUS_PROBE_INTERVAL_S;
  const cfg = ruleConfig(intervalS);
  const lastRun = runs.get("cloud_link") ?? null;
  const providerForDisagreement = { state: provider.paymentsState, incidents: provider.incidents };
  return stores.map((s) => {
    const v = byStore.get(s.id);
    const shown = effectiveVerdict(v ? storedOf(v) : null, {
      now,
      intervalS,
      lastRun,
      maintenance: maintenance.get(s.id) ?? null,
    });
    const disagreement = disagreementOf(shown.state, providerForDisagreement);
    // The count the verdict was made from; the terminals table (written every cycle, ahead of a verdict that
    // waits for a second sample) only for verdicts stored before counts were.
    const verdictCounts = shown.state === v?.state ? (v.terminals as TerminalCounts | null) : null;
    return {
      storeId: s.id,
      name: s.name,
      state: shown.state,
      since: shown.since,
      reason: shown.reason,
      why: shown.why,
      terminals: verdictCounts ?? counts.get(s.id) ?? { total: 0, connected: 0 },
      disagreement: disagreement ? reasonText(disagreement, now) : null,
      disagreementWhy: disagreement,
      watchedUntil:
        v && shown.state === v.state
          ? watchedUntil({ state: v.state as StoredState, memory: v.memory as Memory }, cfg)
          : null,
    };
  });
}

/**
 * The components the actor may see. Cloud link, Terminal API and webhooks sum up every store (their state is the
 * fleet's worst, their reasons count and name stores): someone limited to their own stores gets the account-wide
 * ones only (Checkout, Management), and their stores' own rows.
 */
export async function getComponentStatuses(actor: Actor): Promise<ComponentStatus[]> {
  assertCan(actor, "status.read");
  const scoped = storesFor(actor, "status.read") !== "all";
  const shown = scoped ? COMPONENTS.filter((c) => (MERCHANT_KINDS as readonly string[]).includes(c)) : COMPONENTS;
  const now = new Date();
  const [verdicts, runs] = await Promise.all([
    db().statusVerdict.findMany({ where: { subject: { startsWith: "component:" } } }),
    lastRuns(),
  ]);
  const by = new Map(verdicts.map((v) => [v.subject.slice("component:".length), v]));
  const intervalS = env().STATUS_PROBE_INTERVAL_S;
  return shown.map((name) => {
    const v = by.get(name);
    const verdict = effectiveVerdict(v ? storedOf(v) : null, {
      now,
      intervalS,
      lastRun: runs.get(name) ?? null,
      maintenance: null,
    });
    return { name, ...verdict };
  });
}
