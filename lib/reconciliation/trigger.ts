// Asks for reconciliation after new evidence arrives. The work itself is durable before anyone asks: every write of
// evidence queues its change in the same transaction (database triggers, see incremental.ts). Asking only wakes the
// matching job sooner; a periodic catch-up runs anyway, so a lost wake-up (a crash right after `[accepted]`) costs
// seconds, never a match. Both jobs retry with backoff when a run fails.
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/queue";
import { log, errorFields } from "@/lib/log";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { reconcileChanges } from "@/lib/reconciliation/incremental";

/** At most this many batches per job run; the rest is left for the next run, so one run never holds a worker long. */
const MAX_BATCHES_PER_RUN = 30;
const CATCH_UP_SECONDS = 15;
const FULL_REQUESTED = "reconciliation.full_requested";

async function drain(reason: string): Promise<void> {
  const result = await reconcileChanges({ maxBatches: MAX_BATCHES_PER_RUN });
  if (result) log.info("reconcile.incremental", { reason, ...result });
}

// New evidence (webhooks, imports, decisions) → match what changed.
export const reconcileJob = defineJob({
  name: "reconcile.evidence",
  schema: z.object({ reason: z.string().max(200) }).passthrough(),
  retryLimit: 5,
  retryDelaySeconds: 2,
  retryBackoff: true,
  run: async (data) => drain(data.reason),
});

/**
 * Every few seconds, whether or not anyone asked: matches what is queued, and runs a full run when one was
 * requested (after a migration that changed how results are computed, or `ops reconcile --request`).
 */
export const reconcileCatchUpJob = defineJob({
  name: "reconcile.catch-up",
  schema: z.object({}).passthrough(),
  schedule: { everySeconds: CATCH_UP_SECONDS },
  retryLimit: 5,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 60 * 60,
  run: async () => {
    if (await db().appSetting.findUnique({ where: { key: FULL_REQUESTED } })) {
      const result = await reconcile({ kind: "full" });
      log.info("reconcile.full", { reason: "requested", ...result });
    }
    await drain("catch-up");
  },
});

/** Asks for a full run at the next catch-up (in the background, by whichever instance gets the slot). */
export async function requestFullReconcile(): Promise<void> {
  const value = new Date().toISOString();
  await db().appSetting.upsert({
    where: { key: FULL_REQUESTED },
    create: { key: FULL_REQUESTED, value },
    update: { value },
  });
}

/**
 * The one way to queue matching. singletonKey collapses what several instances queue at once; singletonNextSlot
 * gives evidence that arrives while this slot's job exists a job in the next slot instead of none.
 */
export async function enqueueReconcile(data: { reason: string } & Record<string, unknown>): Promise<void> {
  await enqueue(reconcileJob, data, { singletonKey: "reconcile", singletonSeconds: 2, singletonNextSlot: true });
}

/** Fire-and-forget: a failure to queue is logged, the change itself is already queued durably. */
export function requestReconcile(reason: string): void {
  void requestReconcileAndWait(reason);
}

/** For short-lived processes (`ops import`) that exit right after: resolves once queued (or the failure logged). */
export async function requestReconcileAndWait(reason: string): Promise<void> {
  await enqueueReconcile({ reason }).catch((err: unknown) =>
    log.error("reconcile.enqueue_failed", { reason, ...errorFields(err) }),
  );
}
