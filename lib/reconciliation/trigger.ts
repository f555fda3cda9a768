// Asks for reconciliation after new evidence arrives. The work runs as a job, never inside the request that
// delivered the evidence; bursts collapse into one run per few seconds.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/queue";
import { log, errorFields } from "@/lib/log";
import { reconcileChanges } from "@/lib/reconciliation/incremental";

// New evidence (webhooks, imports, decisions) → match what changed.
export const reconcileJob = defineJob({
  name: "reconcile.evidence",
  schema: z.object({ reason: z.string().max(200) }).passthrough(),
  retryLimit: 3,
  run: async () => {
    const result = await reconcileChanges();
    if (result) log.info("reconcile.incremental", { ...result });
  },
});

/**
 * The one way to queue matching. singletonKey collapses what several instances queue at once; singletonNextSlot
 * gives evidence that arrives while this slot's job exists a job in the next slot instead of none.
 */
export async function enqueueReconcile(data: { reason: string } & Record<string, unknown>): Promise<void> {
  await enqueue(reconcileJob, data, { singletonKey: "reconcile", singletonSeconds: 2, singletonNextSlot: true });
}

/** Fire-and-forget: a failure to queue is logged, the evidence itself is already stored. */
export function requestReconcile(reason: string): void {
  void requestReconcileAndWait(reason);
}

/** For short-lived processes (`ops import`) that exit right after: resolves once queued (or the failure logged). */
export async function requestReconcileAndWait(reason: string): Promise<void> {
  await enqueueReconcile({ reason }).catch((err: unknown) =>
    log.error("reconcile.enqueue_failed", { reason, ...errorFields(err) }),
  );
}
