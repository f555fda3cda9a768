// Every background job the app knows, registered in one place (imported by the app process and `ops worker`).
import { registerJob } from "@/lib/jobs/queue";
import { log } from "@/lib/log";

// A no-op job so the queue's health can be proven end to end (`ops worker` and the health check use it).
registerJob("system.ping", async (_data, jobId) => {
  log.debug("job.ping", { jobId });
});
