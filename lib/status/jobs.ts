// The status panel's background jobs: probes and status-page polling once per interval across all instances,
// hourly rollups and pruning, and alert deliveries with retries.
import { z } from "zod";
import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/queue";
import { log, errorFields } from "@/lib/log";
import { deliverAlert, MAX_ATTEMPTS } from "./alerts";
import { pollStatusPage } from "./page-poll";
import { pruneHistory, rollUp } from "./retention";
import { runProbeCycle } from "./run-probes";

export const alertDeliveryJob = defineJob({
  name: "status.alert-deliver",
  schema: z.object({ deliveryId: z.uuid() }),
  retryLimit: MAX_ATTEMPTS - 1,
  retryDelaySeconds: 15,
  retryBackoff: true,
  run: async ({ deliveryId }) => {
    const outcome = await deliverAlert(deliveryId);
    if (outcome === "retry") throw new Error(`alert delivery ${deliveryId} failed; retrying`);
    if (outcome === "failed") log.warn("status.alert_failed", { deliveryId });
  },
});

export async function queueDeliveries(ids: string[]): Promise<void> {
  for (const deliveryId of ids) {
    await enqueue(alertDeliveryJob, { deliveryId }).catch((err: unknown) =>
      log.error("status.alert_enqueue_failed", { deliveryId, ...errorFields(err) }),
    );
  }
}

export const probeJob = defineJob({
  name: "status.probe",
  schema: z.object({}).passthrough(),
  schedule: () => ({ everySeconds: env().STATUS_PROBE_INTERVAL_S }),
  pollingIntervalSeconds: 1,
  // A cycle must not outlive a few intervals; the readers then show unknown for stale results.
  expireInSeconds: Math.max(30, env().STATUS_PROBE_INTERVAL_S * 4),
  retryLimit: 0,
  run: async () => {
    const result = await runProbeCycle();
    await queueDeliveries(result.deliveryIds);
    log.debug("status.probe_cycle", { ms: result.durationMs, calls: result.calls, stores: result.stores });
  },
});

export const pagePollJob = defineJob({
  name: "status.page-poll",
  schema: z.object({}).passthrough(),
  schedule: () => ({ everySeconds: env().STATUS_PAGE_POLL_S }),
  retryLimit: 0,
  run: async () => {
    const r = await pollStatusPage();
    if (r.state === "unknown") log.warn("status.page_unreadable", { reason: r.reason });
  },
});

export const retentionJob = defineJob({
  name: "status.retention",
  schema: z.object({}).passthrough(),
  schedule: { everySeconds: 3600 },
  retryLimit: 2,
  run: async () => {
    const rolled = await rollUp();
    const pruned = await pruneHistory();
    log.info("status.retention", { rolled, ...pruned });
  },
});

export const STATUS_JOBS = [probeJob, pagePollJob, retentionJob, alertDeliveryJob];
