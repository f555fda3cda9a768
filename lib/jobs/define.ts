// A background job is declared once: its name, the zod schema of its payload, what it runs and, optionally, how
// often it runs by itself. The queue (lib/jobs/queue.ts) validates every payload on the way in and on the way out.
import type { z } from "zod";

export type JobContext = { jobId: string };

export type JobSchedule = {
  /** One run per this many seconds across all app instances (a time slot per run; see lib/jobs/queue.ts). */
  everySeconds: number;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  run: (data: z.infer<S>, ctx: JobContext) => Promise<void>;
  /** A function when the interval is configuration, read when the workers start. */
  schedule?: JobSchedule | (() => JobSchedule | undefined);
  /** Payload of a scheduled run. Defaults to `{}`. */
  scheduledData?: () => z.input<S>;
  batchSize?: number;
  pollingIntervalSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A run still active after this long is failed by the queue (and retried when retries are left). */
  expireInSeconds?: number;
  /**
   * A job with lanes has one queue per key (`<name>.<key>`), each worked on its own, one run at a time: a lane that
   * is slow (an endpoint that never answers) delays no other. Returns the keys that exist now; read when the workers
   * start and every few seconds after. Runs are queued with `enqueueInLane`.
   */
  lanes?: () => Promise<string[]>;
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  if (!/^[a-z][a-z0-9._-]{1,60}$/.test(def.name)) throw new Error(`invalid job name ${def.name}`);
  return def;
}

export function scheduleOf(def: JobDefinition): JobSchedule | undefined {
  return typeof def.schedule === "function" ? def.schedule() : def.schedule;
}
