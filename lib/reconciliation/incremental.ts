// Incremental matching: takes the queued changes (written by triggers in the writers' own transactions, see the
// migration `reconciliation_at_scale`) in bounded batches, each one short partial run. However much changed, a
// run stays incremental; it only takes longer, batch by batch, and readers never wait for it.
import { reconcileQueued, type ReconcileResult } from "@/lib/reconciliation/engine/run";
import { loadMatchSettings } from "@/lib/reconciliation/engine/settings";

/** Entries per batch: a few seconds of webhooks at the rate we promise, and one short transaction. */
export const QUEUE_BATCH = 10_000;

export type DrainOptions = { batchSize?: number; maxBatches?: number };

/** Runs batches until the queue is empty (or maxBatches ran); null when nothing was pending. */
export async function reconcileChanges(opts: DrainOptions = {}): Promise<ReconcileResult | null> {
  const settings = await loadMatchSettings();
  const started = performance.now();
  let total: ReconcileResult | null = null;
  for (let batch = 0; batch < (opts.maxBatches ?? Infinity); batch++) {
    const result = await reconcileQueued(opts.batchSize ?? QUEUE_BATCH, settings);
    if (!result) break;
    total = total ? merge(total, result) : { ...result, batches: 1 };
  }
  return total ? { ...total, ms: Math.round(performance.now() - started) } : null;
}

function merge(a: ReconcileResult, b: ReconcileResult): ReconcileResult {
  const byStatus = { ...a.byStatus };
  for (const [k, v] of Object.entries(b.byStatus)) byStatus[k] = (byStatus[k] ?? 0) + v;
  return {
    ...a,
    changes: (a.changes ?? 0) + (b.changes ?? 0),
    orders: a.orders + b.orders,
    items: a.items + b.items,
    byStatus,
    rounds: Math.max(a.rounds, b.rounds),
    slowest: [...a.slowest, ...b.slowest].sort((x, y) => y.ms - x.ms).slice(0, 5),
    batches: (a.batches ?? 1) + 1,
  };
}

/** Number of queued changes not yet matched (health and benchmarks). */
export { pendingChanges } from "@/lib/reconciliation/queue-state";
