// Every background job the app knows, registered in one place (imported by the app process and `ops worker`).
import { registerJob } from "@/lib/jobs/queue";
import { reconcileJob } from "@/lib/reconciliation/trigger";
import { dashboardAuditJob } from "@/lib/idempotency/dashboard";

registerJob(reconcileJob);
registerJob(dashboardAuditJob);
