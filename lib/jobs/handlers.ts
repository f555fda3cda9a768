// Every background job the app knows, registered in one place (imported by the app process and `ops worker`).
import { registerJob } from "@/lib/jobs/queue";
import { reconcileJob } from "@/lib/reconciliation/trigger";

registerJob(reconcileJob);

// Outage runbook: terminal sync, payment link creation and status, outage windows that follow the status panel.
import { closeRecoveredOutagesJob, refreshLinksJob, resumeLinksJob, terminalSyncJob } from "@/lib/runbook/jobs";
registerJob(terminalSyncJob);
registerJob(resumeLinksJob);
registerJob(refreshLinksJob);
registerJob(closeRecoveredOutagesJob);
