// One measured analysis, in its own process so its peak RSS is its own: `tsx bench/idempotency-run.ts FILE`
// (DATABASE_URL set by the benchmark). Prints one JSON line: time, counts, peak RSS.
import { createReadStream } from "node:fs";
import path from "node:path";
import { disconnectDb } from "../lib/db.ts";
import { analyzeTraffic } from "../lib/idempotency/analyze.ts";
import { allowForcedCollection } from "../lib/idempotency/heap-guard.ts";
import { closeIdempotencyPool } from "../lib/idempotency/pg.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: idempotency-run.ts FILE");
// As `ops idempotency analyze`: a process that only analyses may force collections.
allowForcedCollection();
const started = performance.now();
const summary = await analyzeTraffic(
  "system",
  [{ name: path.basename(file), bytes: createReadStream(file, { highWaterMark: 1024 * 1024 }) }],
  {
    kind: "cli",
    source: "benchmark",
  },
);
const ms = performance.now() - started;
await disconnectDb();
await closeIdempotencyPool();
const findings = Object.values(summary.findings).reduce((a, b) => a + b, 0);
process.stdout.write(
  JSON.stringify({
    ms,
    entries: summary.entries,
    adyenRequests: summary.adyenRequests,
    chains: summary.chains,
    findings,
    complete: summary.complete,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heap: process.memoryUsage(),
  }) + "\n",
);
