// A second app instance for the queue tests: its own process and pg-boss, the same jobs, the given database.
// Prints "ready" once its workers run; stops them on SIGTERM.
import { setDatabaseUrl } from "@/lib/db";
import { registerJob, startJobWorkers, stopJobs } from "@/lib/jobs/queue";
import { scheduledJob, typedJob } from "@/lib/jobs/test-support/test-jobs";

setDatabaseUrl(process.argv[2]!);
registerJob(typedJob);
registerJob(scheduledJob);
await startJobWorkers();
process.stdout.write("ready\n");
process.once("SIGTERM", () => void stopJobs().then(() => process.exit(0)));
