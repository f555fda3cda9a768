// Every background job the app knows, registered in one place (imported by the app process and `ops worker`).
import { registerJob } from "@/lib/jobs/queue";
import { reconcileCatchUpJob, reconcileJob } from "@/lib/reconciliation/trigger";
import { STATUS_JOBS } from "@/lib/status/jobs";

registerJob(reconcileJob);
registerJob(reconcileCatchUpJob);
// Status panel: probes, status page polling, retention, alert deliveries.
for (const job of STATUS_JOBS) registerJob(job);

// Housekeeping of the security work (sign-in throttle, abandoned import staging).
import { pruneSignInThrottleJob } from "@/lib/auth/throttle-job";
import { pruneStagedRowsJob } from "@/lib/reconciliation/imports/staging-job";
registerJob(pruneSignInThrottleJob);
registerJob(pruneStagedRowsJob);

// Idempotency checker: the scheduled audit of this dashboard's own Adyen calls, and retention of analyses.
import { dashboardAuditJob } from "@/lib/idempotency/dashboard";
import { retentionJob as idempotencyRetentionJob } from "@/lib/idempotency/retention";
registerJob(dashboardAuditJob);
registerJob(idempotencyRetentionJob);

// Outage runbook: terminal sync, payment link creation and status, outage windows that follow the status panel.
import { closeRecoveredOutagesJob, refreshLinksJob, resumeLinksJob, terminalSyncJob } from "@/lib/runbook/jobs";
registerJob(terminalSyncJob);
registerJob(resumeLinksJob);
registerJob(refreshLinksJob);
registerJob(closeRecoveredOutagesJob);
