// Every background job the app knows, registered in one place (imported by the app process and `ops worker`).
import { registerJob } from "@/lib/jobs/queue";
import { reconcileJob } from "@/lib/reconciliation/trigger";
import { STATUS_JOBS } from "@/lib/status/jobs";

registerJob(reconcileJob);
// Status panel: probes, status page polling, retention, alert deliveries.
for (const job of STATUS_JOBS) registerJob(job);
