// The status panel's background jobs: probes and status-page polling once per interval across all instances,
// hourly rollups and pruning, and alert deliveries with retries.
import { z } from "zod";
import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define";
import { db } from "@/lib/db";
import { enqueueInLane } from "@/lib/jobs/queue";
import { log, errorFields } from "@/lib/log";
import { deliverAlert, MAX_ATTEMPTS } from "./alerts";
import { pollStatusPage } from "./page-poll";
import { pruneHistory, rollUp } from "./retention";
import { runProbeCycle } from "./run-probes";

// One delivery queue per endpoint (a lane each): an endpoint that never answers holds up its own deliveries, for
// 10 s per attempt, and nobody else's.
export const alertDeliveryJob = defineJob({
  name: "status.alert-deliver",
  schema: z.object({ deliveryId: z.uuid() }),
  lanes: async () => (await db().alertEndpoint.findMany({ select: { id: true } })).map((e) => e.id),
  retryLimit: MAX_ATTEMPTS - 1,
  retryDelaySeconds: 15,
  retryBackoff: true,
  run: async ({ deliveryId }) => {
    const outcome = await deliverAlert(deliveryId);
    if (outcome === "retry") throw new Error(`alert delivery ${deliveryId} failed; retrying`);
    if (outcome === "failed") log.warn("status.alert_failed", { deliveryId });
  },
});

/** Queues each delivery in its endpoint's own queue. */
export async function queueDeliveries(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const deliveries = await db().alertDelivery.findMany({
    where: { id: { in: ids } },
    select: { id: true, endpointId: true },
    orderBy: { createdAt: "asc" },
  });
  for (const d of deliveries) {
    await enqueueInLane(alertDeliveryJob, d.endpointId, { deliveryId: d.id }).catch((err: unknown) =>
      log.error("status.alert_enqueue_failed", { deliveryId: d.id, ...errorFields(err) }),
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
