// Follow-up work for stored notifications (matching, link status) is queued after the acknowledgement, never
// before it. Requests within a short window share one enqueue, so a burst of webhooks costs one queue insert
// instead of one per request; pg-boss' singletonKey then collapses what several app instances queue.
import { log, errorFields } from "@/lib/log";
import { enqueueReconcile } from "@/lib/reconciliation/trigger";
import { requestLinkRefresh } from "@/lib/runbook/payment-links/jobs";

const COALESCE_MS = 250;
/** Job data stays small; the matching job finds new evidence by its received_at watermark anyway. */
const MAX_IDS_PER_JOB = 1000;

let pending: string[] = [];
let scheduled: Promise<void> | null = null;
// One enqueue at a time: pg-boss creates its schema and queue on first use, and two first uses at once deadlock.
let lastFlush: Promise<void> = Promise.resolve();

async function flush(): Promise<void> {
  const ids = pending;
  pending = [];
  scheduled = null;
  const data = {
    reason: "webhooks",
    eventIds: ids.slice(0, MAX_IDS_PER_JOB),
    ...(ids.length > MAX_IDS_PER_JOB ? { moreEventIds: ids.length - MAX_IDS_PER_JOB } : {}),
  };
  try {
    await enqueueReconcile(data);
  } catch (err) {
    // The events are stored; the next enqueue (or a periodic run) still picks them up by watermark.
    log.error("webhooks.enqueue_failed", { events: ids.length, ...errorFields(err) });
  }
  // Payment links carry their id in AUTHORISATION webhooks: bring their status up to date now (after the first
  // enqueue, never beside it; see lastFlush). Never throws.
  await requestLinkRefresh("webhooks");
}

/**
 * Queues `reconcile.evidence` with the ids of newly stored events. Never throws; resolves once the job is
 * queued or the failure logged; request handlers do not wait for it.
 */
export function afterWebhooksStored(eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return scheduled ?? Promise.resolve();
  pending.push(...eventIds);
  if (!scheduled) {
    const window = new Promise<void>((resolve) => setTimeout(resolve, COALESCE_MS));
    scheduled = lastFlush = Promise.all([window, lastFlush]).then(flush);
  }
  return scheduled;
}
