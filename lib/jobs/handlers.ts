// Every background job the app knows, registered in one place (imported by the app process and `ops worker`).
import { registerJob } from "@/lib/jobs/queue";
import { log } from "@/lib/log";
import { RECONCILE_JOB } from "@/lib/reconciliation/trigger";
import { reconcileChanges } from "@/lib/reconciliation/incremental";

// New evidence (webhooks, imports, decisions) → match what changed.
registerJob(RECONCILE_JOB, async () => {
  const result = await reconcileChanges();
  if (result) log.info("reconcile.incremental", { ...result });
});
