// One measured analysis, as the app runs it: `tsx bench/idempotency-run.ts FILE` (DATABASE_URL set by the
// benchmark) submits the file like `ops idempotency analyze`, so it is analysed in an analysis process of its own.
// Prints one JSON line: time, counts, the analysis process's peak RSS and this (submitting) process's.
import path from "node:path";
import { disconnectDb } from "../lib/db.ts";
import { analyzeTraffic } from "../lib/idempotency/submit.ts";
import { closeIdempotencyPool } from "../lib/idempotency/pg.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: idempotency-run.ts FILE");
const started = performance.now();
let childRss = 0;
const summary = await analyzeTraffic(
  "system",
  { kind: "paths", files: [{ name: path.basename(file), path: path.resolve(file) }] },
  { kind: "cli", source: "benchmark", onProcessDone: (s) => (childRss = s.maxRssBytes) },
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
    maxRssBytes: childRss,
    parentRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + "\n",
);
