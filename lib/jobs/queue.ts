// Background work as jobs in PostgreSQL (pg-boss), so several app instances never run the same job twice.
// Handlers register here; `startJobWorkers` runs them in this process (the default) or in `ops worker`.
import PgBoss from "pg-boss";
import { databaseUrl, db } from "@/lib/db";
import { log, errorFields } from "@/lib/log";

export type JobHandler = (data: unknown, jobId: string) => Promise<void>;
type Registration = { handler: JobHandler; batchSize: number; pollingIntervalSeconds: number };

const SCHEMA = "pgboss";
// Kept on globalThis: Next.js bundles instrumentation and routes separately, and they must share one queue.
const g = globalThis as unknown as {
  __opsBoss?: Promise<PgBoss>;
  __opsWorkersRunning?: boolean;
  __opsJobs?: Map<string, Registration>;
  __opsQueues?: Set<string>;
};
const registry = (g.__opsJobs ??= new Map<string, Registration>());
const createdQueues = (g.__opsQueues ??= new Set<string>());

export function registerJob(
  name: string,
  handler: JobHandler,
  opts: Partial<Omit<Registration, "handler">> = {},
): void {
  registry.set(name, {
    handler,
    batchSize: opts.batchSize ?? 1,
    pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
  });
}

async function boss(): Promise<PgBoss> {
  g.__opsBoss ??= (async () => {
    const b = new PgBoss({ connectionString: databaseUrl(), schema: SCHEMA, max: 4 });
    b.on("error", (err) => log.error("jobs.error", errorFields(err)));
    await b.start();
    return b;
  })();
  return g.__opsBoss;
}

/** Queues a job; a singletonKey collapses bursts (e.g. one matching run for many webhooks). */
export async function enqueue(name: string, data: object, opts: PgBoss.SendOptions = {}): Promise<string | null> {
  const b = await boss();
  await ensureQueue(b, name);
  return b.send(name, data, opts);
}

async function ensureQueue(b: PgBoss, name: string): Promise<void> {
  if (createdQueues.has(name)) return;
  await b.createQueue(name);
  createdQueues.add(name);
}

export async function startJobWorkers(): Promise<void> {
  if (g.__opsWorkersRunning) return;
  g.__opsWorkersRunning = true;
  const b = await boss();
  for (const [name, reg] of registry) {
    await ensureQueue(b, name);
    await b.work(
      name,
      { batchSize: reg.batchSize, pollingIntervalSeconds: reg.pollingIntervalSeconds },
      async (jobs) => {
        for (const job of jobs) {
          const started = performance.now();
          try {
            await reg.handler(job.data, job.id);
            log.info("job.done", { job: name, jobId: job.id, ms: Math.round(performance.now() - started) });
          } catch (err) {
            log.error("job.failed", { job: name, jobId: job.id, ...errorFields(err) });
            throw err;
          }
        }
      },
    );
  }
  log.info("jobs.workers_started", { queues: [...registry.keys()] });
}

export async function stopJobs(): Promise<void> {
  const b = g.__opsBoss;
  g.__opsBoss = undefined;
  g.__opsWorkersRunning = false;
  if (b) await (await b).stop({ graceful: true, wait: true });
}

export type JobQueueState = { installed: boolean; workersInProcess: boolean; queued: number; failed: number };

export async function jobQueueState(): Promise<JobQueueState> {
  const rows = await db().$queryRaw<{ installed: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = ${SCHEMA} AND table_name = 'job') AS installed`;
  const installed = Boolean(rows[0]?.installed);
  let queued = 0;
  let failed = 0;
  if (installed) {
    const counts = await db().$queryRawUnsafe<{ state: string; n: bigint }[]>(
      `SELECT state::text AS state, count(*) AS n FROM ${SCHEMA}.job WHERE state IN ('created','retry','failed') GROUP BY state`,
    );
    for (const c of counts) {
      if (c.state === "failed") failed += Number(c.n);
      else queued += Number(c.n);
    }
  }
  return { installed, workersInProcess: Boolean(g.__opsWorkersRunning), queued, failed };
}
