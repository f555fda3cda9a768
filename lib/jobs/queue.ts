// Background work as jobs in PostgreSQL (pg-boss), so several app instances never run the same job twice.
// Jobs are declared with defineJob (lib/jobs/define.ts) and registered in lib/jobs/handlers.ts; `startJobWorkers`
// runs them in this process (the default) or in `ops worker`. A scheduled job gets one run per time slot: every
// instance offers a run each interval, and pg-boss's singleton slot (unique per name, slot and key) keeps one.
import PgBoss from "pg-boss";
import { databaseUrl, db } from "@/lib/db";
import { log, errorFields } from "@/lib/log";
import { scheduleOf, type JobDefinition } from "@/lib/jobs/define";

const SCHEMA = "pgboss";
const START_RETRY_MS = { first: 1_000, max: 30_000 };
const SLOW_JOB_MS = 5_000;
/** How often the lanes of a job with lanes are looked up again (a lane another instance created, one removed). */
const LANE_REFRESH_MS = 5_000;
const LANE_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

type WorkerState =
  | { state: "stopped" }
  | { state: "starting"; attempt: number; lastError?: string }
  | { state: "running"; since: string }
  | { state: "retrying"; attempt: number; lastError: string; nextAttemptAt: string };

// Kept on globalThis: Next.js bundles instrumentation and routes separately, and they must share one queue.
const g = globalThis as unknown as {
  __opsBoss?: Promise<PgBoss>;
  __opsWorkers?: WorkerState;
  __opsJobs?: Map<string, JobDefinition>;
  __opsQueues?: Set<string>;
  __opsTimers?: NodeJS.Timeout[];
  /** Lane queues worked in this process: queue name → the job it belongs to. */
  __opsLanes?: Map<string, string>;
};
const registry = (g.__opsJobs ??= new Map<string, JobDefinition>());
const createdQueues = (g.__opsQueues ??= new Set<string>());
const timers = (g.__opsTimers ??= []);
const workedLanes = (g.__opsLanes ??= new Map<string, string>());

export function registerJob(def: JobDefinition): void {
  registry.set(def.name, def);
}

export function registeredJobs(): JobDefinition[] {
  return [...registry.values()];
}

/** The started queue. A failed start is not remembered: the next call tries again. */
async function boss(): Promise<PgBoss> {
  g.__opsBoss ??= (async () => {
    const b = new PgBoss({ connectionString: databaseUrl(), schema: SCHEMA, max: 4 });
    b.on("error", (err) => log.error("jobs.error", errorFields(err)));
    await b.start();
    return b;
  })().catch((err: unknown) => {
    g.__opsBoss = undefined;
    createdQueues.clear();
    throw err;
  });
  return g.__opsBoss;
}

async function ensureQueue(b: PgBoss, name: string): Promise<void> {
  if (createdQueues.has(name)) return;
  await b.createQueue(name);
  createdQueues.add(name);
}

function sendOptions(def: JobDefinition, opts: PgBoss.SendOptions): PgBoss.SendOptions {
  return {
    ...(def.retryLimit !== undefined ? { retryLimit: def.retryLimit } : {}),
    ...(def.retryDelaySeconds !== undefined ? { retryDelay: def.retryDelaySeconds } : {}),
    ...(def.retryBackoff !== undefined ? { retryBackoff: def.retryBackoff } : {}),
    ...(def.expireInSeconds !== undefined ? { expireInSeconds: def.expireInSeconds } : {}),
    ...opts,
  };
}

/** Queues a run of a declared job; the payload is checked against the job's schema first. */
export async function enqueue<D extends JobDefinition>(
  def: D,
  data: Parameters<D["run"]>[0],
  opts: PgBoss.SendOptions = {},
): Promise<string | null> {
  const payload = def.schema.parse(data) as object;
  const b = await boss();
  await ensureQueue(b, def.name);
  return b.send(def.name, payload, sendOptions(def, opts));
}

export function laneQueue(def: JobDefinition, key: string): string {
  if (!LANE_KEY.test(key)) throw new Error(`invalid lane key ${key} for ${def.name}`);
  return `${def.name}.${key}`;
}

/** Queues a run of a job with lanes in the lane of `key` (its own queue); this process works it from now on. */
export async function enqueueInLane<D extends JobDefinition>(
  def: D,
  key: string,
  data: Parameters<D["run"]>[0],
  opts: PgBoss.SendOptions = {},
): Promise<string | null> {
  const payload = def.schema.parse(data) as object;
  const queue = laneQueue(def, key);
  const b = await boss();
  await ensureQueue(b, queue);
  const id = await b.send(queue, payload, sendOptions(def, opts));
  if (workerState().state === "running" && registry.get(def.name) === def) await workLane(b, def, queue);
  return id;
}

async function work(b: PgBoss, def: JobDefinition, queue: string): Promise<void> {
  await ensureQueue(b, queue);
  await b.work(
    queue,
    { batchSize: def.batchSize ?? 1, pollingIntervalSeconds: def.pollingIntervalSeconds ?? 2 },
    async (jobs) => {
      for (const job of jobs) await runOne(def, job);
    },
  );
}

async function workLane(b: PgBoss, def: JobDefinition, queue: string): Promise<void> {
  if (workedLanes.has(queue)) return;
  workedLanes.set(queue, def.name);
  try {
    await work(b, def, queue);
  } catch (err) {
    workedLanes.delete(queue);
    throw err;
  }
}

/** Works every lane the job has now, and stops (and drops) the queues of lanes that are gone. */
async function refreshLanes(b: PgBoss, def: JobDefinition & { lanes: () => Promise<string[]> }): Promise<void> {
  const wanted = new Set((await def.lanes()).filter((k) => LANE_KEY.test(k)).map((k) => laneQueue(def, k)));
  for (const queue of wanted) await workLane(b, def, queue);
  for (const [queue, name] of workedLanes) {
    if (name !== def.name || wanted.has(queue)) continue;
    workedLanes.delete(queue);
    await b.offWork(queue).catch(() => undefined);
    // Its runs are of a lane that no longer exists (the endpoint was deleted, its deliveries with it).
    await b.deleteQueue(queue).catch(() => undefined);
    createdQueues.delete(queue);
  }
}

function startLaneRefresh(b: PgBoss, def: JobDefinition & { lanes: () => Promise<string[]> }): void {
  const timer = setInterval(() => {
    refreshLanes(b, def).catch((err: unknown) => log.warn("jobs.lanes_failed", { job: def.name, ...errorFields(err) }));
  }, LANE_REFRESH_MS);
  timer.unref();
  timers.push(timer);
}

async function runOne(def: JobDefinition, job: PgBoss.Job<unknown>): Promise<void> {
  const started = performance.now();
  const parsed = def.schema.safeParse(job.data ?? {});
  if (!parsed.success) {
    // A payload that does not fit cannot get better by retrying: fail it with the reason.
    log.error("job.invalid_payload", { job: def.name, jobId: job.id, problem: parsed.error.issues[0]?.message });
    throw new Error(`invalid payload for ${def.name}`);
  }
  try {
    await def.run(parsed.data, { jobId: job.id });
    const ms = Math.round(performance.now() - started);
    // Scheduled jobs finish every few seconds: a line each would drown the log. Slow runs are worth a look.
    (ms >= SLOW_JOB_MS ? log.info : log.debug)("job.done", { job: def.name, jobId: job.id, ms });
  } catch (err) {
    log.error("job.failed", { job: def.name, jobId: job.id, ...errorFields(err) });
    throw err;
  }
}

function startSchedules(): void {
  for (const def of registry.values()) {
    const schedule = scheduleOf(def);
    if (!schedule) continue;
    const offer = () =>
      enqueue(def, def.scheduledData?.() ?? {}, {
        singletonKey: `schedule:${def.name}`,
        singletonSeconds: schedule.everySeconds,
      }).catch((err: unknown) => log.warn("jobs.schedule_failed", { job: def.name, ...errorFields(err) }));
    void offer();
    const timer = setInterval(offer, schedule.everySeconds * 1000);
    timer.unref();
    timers.push(timer);
  }
}

async function startOnce(): Promise<void> {
  const b = await boss();
  const withLanes: (JobDefinition & { lanes: () => Promise<string[]> })[] = [];
  for (const def of registry.values()) {
    const { lanes } = def;
    if (lanes) withLanes.push({ ...def, lanes });
    // A job with lanes is still worked under its own name too: runs queued there before it had lanes are not lost.
    await work(b, def, def.name);
  }
  for (const def of withLanes) await refreshLanes(b, def);
  for (const def of withLanes) startLaneRefresh(b, def);
  startSchedules();
}

/**
 * Starts the workers and the schedules. When the queue cannot start (database not ready, say), it keeps trying
 * with backoff in the background and `jobQueueState` reports why; the caller is never left with a cached failure.
 */
export async function startJobWorkers(opts: { retry?: boolean } = {}): Promise<void> {
  const current = g.__opsWorkers?.state;
  if (current === "running" || current === "starting" || current === "retrying") return;
  let attempt = 0;
  for (;;) {
    attempt++;
    g.__opsWorkers = { state: "starting", attempt };
    try {
      await startOnce();
      g.__opsWorkers = { state: "running", since: new Date().toISOString() };
      log.info("jobs.workers_started", { queues: [...registry.keys()], attempt });
      return;
    } catch (err) {
      const lastError = errorFields(err).error as string;
      await stopBoss();
      if (!opts.retry) {
        g.__opsWorkers = { state: "stopped" };
        throw err;
      }
      const delay = Math.min(START_RETRY_MS.max, START_RETRY_MS.first * 2 ** (attempt - 1));
      g.__opsWorkers = {
        state: "retrying",
        attempt,
        lastError,
        nextAttemptAt: new Date(Date.now() + delay).toISOString(),
      };
      log.error("jobs.start_failed", { attempt, retryInMs: delay, error: lastError });
      await new Promise((r) => setTimeout(r, delay).unref());
      if (workerState().state !== "retrying") return; // stopped meanwhile
    }
  }
}

async function stopBoss(): Promise<void> {
  const b = g.__opsBoss;
  g.__opsBoss = undefined;
  createdQueues.clear();
  workedLanes.clear();
  if (b) await (await b.catch(() => undefined))?.stop({ graceful: true, wait: true }).catch(() => undefined);
}

export async function stopJobs(): Promise<void> {
  for (const t of timers.splice(0)) clearInterval(t);
  g.__opsWorkers = { state: "stopped" };
  await stopBoss();
}

export type JobQueueState = {
  installed: boolean;
  workers: WorkerState["state"];
  reason?: string;
  queued: number;
  failed: number;
};

export function workerState(): WorkerState {
  return g.__opsWorkers ?? { state: "stopped" };
}

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
  const w = workerState();
  const reason = "lastError" in w ? w.lastError : undefined;
  return { installed, workers: w.state, ...(reason ? { reason } : {}), queued, failed };
}
