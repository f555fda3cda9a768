// Jobs for the queue's own tests: each run leaves a row in job_test_runs (job, payload, which process ran it).
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob, type JobContext } from "@/lib/jobs/define";

export const CREATE_RUNS_TABLE = `CREATE TABLE IF NOT EXISTS job_test_runs (
  job_name text NOT NULL, job_id text NOT NULL, payload jsonb NOT NULL, pid int NOT NULL, at timestamptz DEFAULT now())`;

async function record(name: string, data: unknown, ctx: JobContext): Promise<void> {
  await db().$executeRaw`INSERT INTO job_test_runs (job_name, job_id, payload, pid)
    VALUES (${name}, ${ctx.jobId}, ${JSON.stringify(data)}::jsonb, ${process.pid})`;
}

/** A typed payload; a payload that does not fit fails at once (no retries). */
export const typedJob = defineJob({
  name: "test.typed",
  schema: z.object({ storeId: z.string().min(1), attempts: z.number().int().positive() }),
  retryLimit: 0,
  pollingIntervalSeconds: 0.5,
  run: (data, ctx) => record("test.typed", data, ctx),
});

/** Offered every second by every instance that runs it; one run per second is expected across all of them. */
export const scheduledJob = defineJob({
  name: "test.scheduled",
  schema: z.object({}),
  schedule: { everySeconds: 1 },
  retryLimit: 0,
  pollingIntervalSeconds: 0.5,
  run: (data, ctx) => record("test.scheduled", data, ctx),
});
