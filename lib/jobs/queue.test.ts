// The job queue on a real database: a start that retries until the database answers (and says why meanwhile),
// payloads checked against the job's schema on the way in and on the way out, one run per slot across instances.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { GET } from "@/app/api/health/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db, setDatabaseUrl } from "@/lib/db";
import { freePort } from "@/lib/db/embedded";
import { defineJob } from "@/lib/jobs/define";
import { enqueue, jobQueueState, registerJob, startJobWorkers, stopJobs, workerState } from "@/lib/jobs/queue";
import { CREATE_RUNS_TABLE, scheduledJob, typedJob } from "@/lib/jobs/test-support/test-jobs";
import { withTestDatabase } from "@/lib/testing/database";

const database = withTestDatabase({ beforeDrop: stopJobs });
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

let operator = "";
/** The health as engineering reads it (anonymous callers get the state alone). */
const health = () =>
  GET(new Request("http://localhost/api/health", { headers: { authorization: `Bearer ${operator}` } }), undefined);

beforeAll(async () => {
  await db().$executeRawUnsafe(CREATE_RUNS_TABLE); // the Prisma client now points at the test database for good
  operator = (await createApiToken({ name: "on call", role: "engineering" }, "system")).token;
  registerJob(typedJob);
  registerJob(scheduledJob);
});

type Run = { job_name: string; job_id: string; payload: unknown; pid: number };
const runs = (name: string) =>
  db().$queryRaw<Run[]>`SELECT job_name, job_id, payload, pid FROM job_test_runs WHERE job_name = ${name}`;
const jobState = async (id: string) =>
  (await db().$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM pgboss.job WHERE id = ${id}::uuid`)[0]
    ?.state;

describe("starting the workers", () => {
  it("keeps retrying while the database is unreachable, says why, and runs jobs once it answers", async () => {
    setDatabaseUrl(`postgresql://postgres:x@127.0.0.1:${await freePort()}/nowhere`);
    const started = startJobWorkers({ retry: true });
    await vi.waitFor(() => expect(workerState()).toMatchObject({ state: "retrying" }), { timeout: 20_000 });
    expect(workerState()).toMatchObject({ lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(await jobQueueState()).toMatchObject({ workers: "retrying", reason: expect.stringMatching(/ECONNREFUSED/) });
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      status: "degraded",
      reasons: [expect.stringMatching(/^background jobs are retrying: .*ECONNREFUSED/)],
    });

    setDatabaseUrl(database().url);
    await started;
    expect(workerState().state).toBe("running");
    const id = await enqueue(typedJob, { storeId: "ST1", attempts: 1 });
    await vi.waitFor(async () => expect(await runs("test.typed")).toHaveLength(1), { timeout: 20_000 });
    expect((await runs("test.typed"))[0]).toMatchObject({ job_id: id, payload: { storeId: "ST1", attempts: 1 } });
    expect(await (await health()).json()).toMatchObject({
      status: "ok",
    });
  }, 60_000);
});

describe("typed job definitions", () => {
  it("refuse a payload that does not fit the schema before anything is queued", async () => {
    const bad = { storeId: "", attempts: 0 } as unknown as Parameters<typeof typedJob.run>[0];
    await expect(enqueue(typedJob, bad)).rejects.toBeInstanceOf(ZodError);
    const queued = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'test.typed' AND data->>'storeId' = ''`;
    expect(Number(queued[0]?.n)).toBe(0);
  });

  it("fail a queued payload that does not fit (another version's, say) without running it", async () => {
    // Queued under the same name by a definition with a looser schema, as an older app version might.
    const older = defineJob({
      name: typedJob.name,
      schema: typedJob.schema.partial(),
      retryLimit: 0,
      run: async () => undefined,
    });
    const id = await enqueue(older, { storeId: "ST2" });
    await vi.waitFor(async () => expect(await jobState(id!)).toBe("failed"), { timeout: 20_000 });
    expect((await runs("test.typed")).map((r) => r.job_id)).not.toContain(id);
  }, 30_000);
});

describe("a scheduled job", () => {
  let second: ChildProcess | undefined;
  afterAll(() => second?.kill("SIGTERM"));

  it("runs once per slot even with two instances offering it", async () => {
    setDatabaseUrl(database().url);
    await startJobWorkers(); // this process is the first instance (a no-op when already running)
    second = spawn(process.execPath, [TSX, "lib/jobs/test-support/second-instance.ts", database().url], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: second!.stdout! }).on("line", (l) => l === "ready" && resolve());
      second!.once("exit", (code) => reject(new Error(`second instance exited (${code})`)));
    });
    const since = new Date();
    await vi.waitFor(
      async () => {
        const n = await db().$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM job_test_runs WHERE job_name = 'test.scheduled' AND at > ${since}`;
        expect(Number(n[0]?.n)).toBeGreaterThanOrEqual(4);
      },
      { timeout: 40_000, interval: 500 },
    );
    const perSlot = await db().$queryRaw<{ slot: Date | null; n: bigint }[]>`
      SELECT singleton_on AS slot, count(*) AS n FROM pgboss.job WHERE name = 'test.scheduled' GROUP BY singleton_on`;
    expect(perSlot.length).toBeGreaterThanOrEqual(4);
    expect(perSlot.filter((s) => s.slot === null || Number(s.n) !== 1)).toEqual([]);
    const all = await runs("test.scheduled");
    expect(new Set(all.map((r) => r.job_id)).size).toBe(all.length); // no job ran twice
  }, 60_000);
});
