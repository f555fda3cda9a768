// Asks for reconciliation after new evidence arrives. The work runs as a job, never inside the request that
// delivered the evidence; bursts collapse into one run per few seconds.
import { enqueue } from "@/lib/jobs/queue";
import { log, errorFields } from "@/lib/log";

export const RECONCILE_JOB = "reconcile.evidence";

export type ReconcileScope =
  | { kind: "all" }
  | { kind: "references"; merchantReferences: string[] }
  | { kind: "stores"; storeIds: string[]; from: string; to: string };

/** Fire-and-forget: a failure to queue is logged, the evidence itself is already stored. */
export function requestReconcile(reason: string): void {
  void requestReconcileAndWait(reason);
}

/** For short-lived processes (`ops import`) that exit right after: resolves once queued (or the failure logged). */
export async function requestReconcileAndWait(reason: string): Promise<void> {
  await enqueue(RECONCILE_JOB, { reason }, { singletonKey: "reconcile", singletonSeconds: 2, retryLimit: 3 }).catch((err: unknown) =>
    log.error("reconcile.enqueue_failed", { reason, ...errorFields(err) }),
  );
}
