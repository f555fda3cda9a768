// Starts the job workers inside the app process unless JOBS_IN_PROCESS=false (then `ops worker` runs them).
import { env } from "@/lib/env";

export async function startInProcessJobs(): Promise<void> {
  if (!env().JOBS_IN_PROCESS) return;
  const { startJobWorkers } = await import("@/lib/jobs/queue");
  await import("@/lib/jobs/handlers");
  // A queue problem must not keep the web server from answering: the start retries in the background and the
  // health check reports the queue's state meanwhile.
  void startJobWorkers({ retry: true });
}
