// Analyses run in analysis processes of their own, queued and bounded: what happens to one (out of memory, a time
// limit, a cancellation) is that analysis' outcome, recorded on its row, while this process — standing in for the
// web server — carries on. Real child processes, a real PostgreSQL; nothing mocked.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { harDocument, harEntry } from "@/lib/idempotency/input/test-support";
import { failOrphanedAnalyses } from "@/lib/idempotency/lifecycle";
import { cancelAnalysis } from "@/lib/idempotency/manage";
import { closeIdempotencyPool } from "@/lib/idempotency/pg";
import { listAnalyses } from "@/lib/idempotency/queries";
import { analyzeTraffic, type StreamedFiles } from "@/lib/idempotency/submit";
import { withTestDatabase } from "@/lib/testing/database";
import { namedUser } from "@/lib/testing/principals";

withTestDatabase({ beforeDrop: closeIdempotencyPool });
let dataDir = "";
const env = (extra: Record<string, string> = {}) =>
  setEnvForTests({ LOG_LEVEL: "warn", DATA_DIR: dataDir, IDEMPOTENCY_CONCURRENCY: "1", ...extra });
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "idem-isolation-"));
});
beforeEach(() => env());
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const alice = namedUser("alice");

const line = (n: number) =>
  JSON.stringify({
    time: new Date(Date.UTC(2026, 0, 5, 10, 0, n % 60)).toISOString(),
    method: "POST",
    url: "https://checkout-test.adyen.com/v71/payments",
    requestBody: { merchantAccount: "ShopEU", reference: `R-${n}` },
    status: 200,
  }) + "\n";

async function* once(name: string, bytes: Buffer | string): StreamedFiles {
  yield {
    name,
    bytes: (async function* () {
      yield Buffer.from(bytes);
    })(),
  };
}

/** An upload that never ends by itself: a line now and then (blank ones: `quiet`), until the analysis stops it. */
async function* endless(name: string, quiet = false): StreamedFiles {
  yield {
    name,
    bytes: (async function* () {
      for (let n = 0; ; n++) {
        yield Buffer.from(quiet ? "\n" : line(n));
        await new Promise((r) => setTimeout(r, 20));
      }
    })(),
  };
}

const stream = (files: StreamedFiles, names: string[]) => ({ kind: "stream" as const, names, files });

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 2400; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const statusOf = async (id: string) =>
  (await db().idempotencyAnalysis.findUnique({ where: { id }, select: { status: true } }))?.status;
const newest = async (source: string) =>
  db().idempotencyAnalysis.findFirst({ where: { source }, orderBy: { createdAt: "desc" } });

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

// Each test starts analysis processes, which run at a lower priority than everything else on the machine: on a busy
// one they take their time (nothing here measures it).
describe("analyses outside this process", { timeout: 180_000 }, () => {
  it("an analysis that runs out of memory fails with that reason; the next one runs normally", async () => {
    // 60 MB of heap analyse an ordinary file, not a 60 MB entry.
    const big = harEntry({ content: { mimeType: "application/json", text: "A".repeat(60 * 1024 * 1024) } });
    const err = await rejection(
      analyzeTraffic(alice, stream(once("big.har", harDocument([harEntry({}), big])), ["big.har"]), {
        kind: "api",
        source: "oom",
        heapMb: 60,
      }),
    );
    expect(err.code).toBe("UNPROCESSABLE");
    expect(err.message).toMatch(/ran out of memory/);
    const row = await newest("oom");
    expect(row).toMatchObject({ status: "failed", reasonCode: "out_of_memory", reasonParams: { mb: 60 } });
    expect(await db().idempotencyFinding.count({ where: { analysisId: row?.id } })).toBe(0);
    const next = await analyzeTraffic(alice, stream(once("small.ndjson", line(1)), ["small.ndjson"]), {
      kind: "api",
      heapMb: 60,
    });
    expect(next).toMatchObject({ entries: 1, complete: true });
  });

  it("refuses a file with no HTTP exchange at all, storing nothing", async () => {
    const before = await db().idempotencyAnalysis.count();
    const err = await rejection(
      analyzeTraffic(alice, stream(once("hello.json", '{"hello":"world"}'), ["hello.json"]), { kind: "api" }),
    );
    expect(err.code).toBe("UNPROCESSABLE");
    expect(err.message).toBe("no HTTP exchanges found in hello.json: not a HAR or exchange log");
    expect(await db().idempotencyAnalysis.count()).toBe(before);
  });

  it("ends an analysis at IDEMPOTENCY_MAX_SECONDS as incomplete, with what it read and the reason", async () => {
    env({ IDEMPOTENCY_MAX_SECONDS: "2" });
    const s = await analyzeTraffic(alice, stream(endless("slow.ndjson"), ["slow.ndjson"]), {
      kind: "api",
      source: "slow",
    });
    expect(s.complete).toBe(false);
    expect(s.problems[0]).toMatchObject({ file: "slow.ndjson", code: "time_limit", params: { seconds: 2 } });
    // What it read is kept (how much depends on how soon its process started: none is kept as well, not refused).
    expect(await newest("slow")).toMatchObject({ status: "incomplete", entries: s.entries });
  });

  it("keeps a file the time limit stopped before its first exchange as incomplete, not refused as no log", async () => {
    env({ IDEMPOTENCY_MAX_SECONDS: "2" });
    const s = await analyzeTraffic(alice, stream(endless("quiet.ndjson", true), ["quiet.ndjson"]), {
      kind: "api",
      source: "quiet",
    });
    expect(s).toMatchObject({ complete: false, entries: 0 });
    expect(s.problems[0]).toMatchObject({ file: "quiet.ndjson", code: "time_limit" });
    expect((await newest("quiet"))?.status).toBe("incomplete");
  });

  it("an upload that goes on after its process stopped reading at a limit ends with that reason, not as failed", async () => {
    async function* hugeKey(): StreamedFiles {
      yield {
        name: "key.har",
        bytes: (async function* () {
          yield Buffer.from('{"log":{"');
          for (let i = 0; i < 64; i++) yield Buffer.alloc(1024 * 1024, 0x6b);
          yield Buffer.from('":1}}');
        })(),
      };
    }
    const err = await rejection(analyzeTraffic(alice, stream(hugeKey(), ["key.har"]), { kind: "api", source: "key" }));
    expect(err.code).toBe("UNPROCESSABLE");
    expect(err.message).toMatch(/no HTTP exchanges found in key\.har.*a name in the HAR document is longer than 1 KB/);
  });

  it("lets the uploader or an admin cancel a running analysis, nobody else", async () => {
    const running = analyzeTraffic(alice, stream(endless("a.ndjson"), ["a.ndjson"]), { kind: "api", source: "cancel" });
    const row = await until("the analysis to run", async () => {
      const r = await newest("cancel");
      return r?.status === "running" ? r : null;
    });
    expect((await rejection(cancelAnalysis(namedUser("bob"), row.id))).code).toBe("FORBIDDEN");
    await cancelAnalysis(alice, row.id);
    const err = await rejection(running);
    expect(err.code).toBe("CONFLICT");
    expect(await db().idempotencyAnalysis.findUnique({ where: { id: row.id } })).toMatchObject({
      status: "cancelled",
      reasonCode: "cancelled",
      reason: "cancelled by alice@example.com",
    });
    expect(await db().idempotencyFinding.count({ where: { analysisId: row.id } })).toBe(0);
  });

  it("queues a second upload behind the first with its place shown, spooled to disk, and runs it next", async () => {
    const first = analyzeTraffic(alice, stream(endless("first.ndjson"), ["first.ndjson"]), {
      kind: "api",
      source: "first",
    });
    const firstRow = await until("the first to run", async () => {
      const r = await newest("first");
      return r?.status === "running" ? r : null;
    });
    const second = analyzeTraffic(alice, stream(once("second.ndjson", line(1) + line(2)), ["second.ndjson"]), {
      kind: "api",
      source: "second",
    });
    const waiting = await until("the second to wait", async () => {
      const item = (await listAnalyses(alice)).find((a) => a.source === "second");
      return item?.status === "queued" ? item : null;
    });
    expect(waiting.position).toBe(1);
    const spool = path.join(dataDir, "idempotency-spool", String(process.pid));
    expect(await until("the spool file", async () => (await readdir(spool).catch(() => [])).length > 0)).toBe(true);
    // A third one, cancelled while it waits, leaves the queue without running.
    const third = analyzeTraffic(alice, stream(once("third.ndjson", line(3)), ["third.ndjson"]), {
      kind: "api",
      source: "third",
    });
    const thirdRow = await until("the third to wait", async () => {
      const item = (await listAnalyses(alice)).find((a) => a.source === "third");
      return item?.position === 2 ? item : null;
    });
    await cancelAnalysis(namedUser("root", "admin"), thirdRow.id);
    expect((await rejection(third)).code).toBe("CONFLICT");
    expect(await statusOf(thirdRow.id)).toBe("cancelled");
    await cancelAnalysis(alice, firstRow.id);
    await rejection(first);
    expect(await second).toMatchObject({ entries: 2, complete: true });
    expect(await readdir(spool)).toEqual([]);
  });

  it("shows an analysis whose process stopped as failed, and records it so", async () => {
    const row = await db().idempotencyAnalysis.create({
      data: {
        kind: "api",
        source: "orphan",
        status: "running",
        createdBy: "x",
        heartbeatAt: new Date(Date.now() - 120_000),
      },
    });
    const item = (await listAnalyses(alice)).find((a) => a.id === row.id);
    expect(item).toMatchObject({ status: "failed", reason: { code: "server_stopped" } });
    expect(await failOrphanedAnalyses()).toBeGreaterThanOrEqual(1);
    expect(await statusOf(row.id)).toBe("failed");
  });
});
