// Re-matching right after a decision, so the person who decided sees the result at once. It never makes them wait
// for long: when matching is busy (another run holds what it needs) it gives up after a moment; the decision is
// stored and queued with it (database trigger), so the next incremental run applies it within seconds.
import { db } from "@/lib/db";
import { log, errorFields } from "@/lib/log";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { scopeMarginMs, type ScopeWindow } from "@/lib/reconciliation/engine/scope";
import { loadMatchSettings } from "@/lib/reconciliation/engine/settings";
import { requestReconcile } from "@/lib/reconciliation/trigger";

const LOCK_TIMEOUT_MS = 2_000;

type OrderFields = {
  merchantReference: string;
  pspReference: string | null;
  storeId: string;
  currency: string;
  amountValue: bigint;
  orderedAt: Date;
};
export type DecidedPair = { order: OrderFields; evidence: { kind: string; id: bigint } };

type EvidenceFields = {
  psp_reference: string | null;
  store_id: string | null;
  currency: string | null;
  amount_value: bigint | null;
  at: Date | null;
};

async function evidenceOf(pairs: readonly DecidedPair[]): Promise<EvidenceFields[]> {
  const ids = (kind: string) => pairs.filter((p) => p.evidence.kind === kind).map((p) => p.evidence.id);
  return db().$queryRaw<EvidenceFields[]>`
    SELECT e.psp_reference, COALESCE(e.store_id, t.store_id) AS store_id, e.currency, e.amount_value,
           COALESCE(e.event_date, e.received_at) AS at
    FROM payment_events e LEFT JOIN terminals t ON t.id = e.terminal_id WHERE e.id = ANY(${ids("event")}::bigint[])
    UNION ALL
    SELECT r.psp_reference, r.store_id, r.currency, r.amount_value, r.transacted_at
    FROM standalone_receipts r WHERE r.id = ANY(${ids("receipt")}::bigint[])`;
}

export async function rematchDecided(pairs: readonly DecidedPair[]): Promise<void> {
  if (pairs.length === 0) return;
  try {
    const settings = await loadMatchSettings();
    const margin = scopeMarginMs(settings);
    const around = (at: Date) => ({ from: new Date(at.getTime() - margin), to: new Date(at.getTime() + margin) });
    const windows: ScopeWindow[] = pairs.map(({ order: o }) => ({
      storeId: o.storeId,
      currency: o.currency,
      amountValue: o.amountValue,
      ...around(o.orderedAt),
    }));
    const evidence = await evidenceOf(pairs);
    for (const e of evidence) {
      if (e.store_id && e.at)
        windows.push({ storeId: e.store_id, currency: e.currency, amountValue: e.amount_value, ...around(e.at) });
    }
    const psps = [...pairs.map((p) => p.order.pspReference), ...evidence.map((e) => e.psp_reference)];
    await reconcile(
      {
        kind: "partial",
        references: pairs.map((p) => p.order.merchantReference),
        pspReferences: psps.filter((p): p is string => Boolean(p)),
        windows,
      },
      settings,
      { lockTimeoutMs: LOCK_TIMEOUT_MS },
    );
  } catch (err) {
    log.warn("reconcile.rematch_deferred", { orders: pairs.length, ...errorFields(err) });
    requestReconcile("decision");
  }
}
