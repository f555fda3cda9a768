// Runbook background work: the outage windows that follow the status panel close once their store recovers.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { closeRecoveredOutages } from "@/lib/runbook/outages";
import { storeVerdicts } from "@/lib/runbook/status-source";

export const closeRecoveredOutagesJob = defineJob({
  name: "outages.close-recovered",
  schema: z.object({}).passthrough(),
  schedule: { everySeconds: 60 },
  retryLimit: 0,
  run: async () => {
    await closeRecoveredOutages(await storeVerdicts("system"));
  },
});

export { terminalSyncJob } from "@/lib/runbook/terminals/jobs";
export { refreshLinksJob, resumeLinksJob } from "@/lib/runbook/payment-links/jobs";
