// Every background job the app knows, registered in one place (imported by the app process and `ops worker`).
import { registerJob } from "@/lib/jobs/queue";
import { reconcileCatchUpJob, reconcileJob } from "@/lib/reconciliation/trigger";

registerJob(reconcileJob);
registerJob(reconcileCatchUpJob);
