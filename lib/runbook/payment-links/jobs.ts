// Background work for payment links: finish creations a crash left behind, keep open links' status current.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/queue";
import { log, errorFields } from "@/lib/log";
import { refreshLinkStatuses } from "@/lib/runbook/payment-links/refresh";
import { resumePendingCreations } from "@/lib/runbook/payment-links/resume";

export const resumeLinksJob = defineJob({
  name: "links.resume-creations",
  schema: z.object({}).passthrough(),
  schedule: { everySeconds: 30 },
  retryLimit: 0,
  run: async () => {
    await resumePendingCreations();
  },
});

export const refreshLinksJob = defineJob({
  name: "links.refresh-status",
  schema: z.object({ reason: z.string().max(100).optional() }).passthrough(),
  schedule: { everySeconds: 15 },
  retryLimit: 0,
  run: async () => {
    await refreshLinkStatuses();
  },
});

/** After webhooks arrived: apply them to links now rather than at the next scheduled run. Never throws. */
export async function requestLinkRefresh(reason: string): Promise<void> {
  await enqueue(
    refreshLinksJob,
    { reason },
    { singletonKey: "links.refresh", singletonSeconds: 1, singletonNextSlot: true },
  ).catch((err: unknown) => log.error("links.enqueue_failed", { reason, ...errorFields(err) }));
}
