// `npm run bench -- idempotency [--sizes 100,1000] [--formats ndjson,har]`: generates Adyen traffic logs of about
// those many MB (about a million exchanges per GB, many distinct keys) into a temporary folder, then measures
// the checker's throughput and peak memory on each (plain and gzip), beside `wc -l` and `gzip -dc` on the same
// files in the same run. The folder is deleted at the end. Prints figures and goals; asserts nothing.
// `npm run bench -- idempotency --sample FILE [--format ndjson|har] [--mb 5]` only writes a sample log (2020,
// legacy retries falling around Adyen's retirement dates) to try the checker with.
import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureEmbeddedDatabase } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { childEnv } from "../lib/env.ts";
import { writeTraffic, type TrafficOptions } from "./idempotency-traffic.ts";
import { mb, startMemorySampler } from "./memory-sampler.ts";

const GOAL_MBPS = 50;
const GOAL_RSS = 300 * 1024 * 1024;
const SPAN = { from: new Date("2020-05-01T00:00:00Z"), to: new Date("2020-11-30T00:00:00Z") };
/** The benchmark's integrations: a quarter still legacy at the start, 2 % at the end. */
const MIGRATION = { legacyFrom: 0.25, legacyTo: 0.02 };

type Timed = { ms: number; code: number | null; stdout: string };

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: performance.now() - started, code, stdout }));
  });
}

const mbps = (bytes: number, ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;

export async function runIdempotencyBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: "string" },
      formats: { type: "string" },
      sample: { type: "string" },
      format: { type: "string" },
      mb: { type: "string" },
    },
  });
  if (values.sample) {
    const format = values.format === "har" ? "har" : "ndjson";
    const w = await writeTraffic(values.sample, {
      format,
      targetBytes: Number(values.mb ?? 5) * 1e6,
      ...SPAN,
      legacyFrom: 0.6,
      legacyTo: 0.05,
    });
    process.stdout.write(
      `wrote ${values.sample}: ${w.exchanges} exchanges, ${(w.bytes / 1e6).toFixed(1)} MB (${format})\n`,
    );
    return;
  }
  const sizes = (values.sizes ?? "100,1000").split(",").map(Number);
  const formats = (values.formats ?? "ndjson,har").split(",") as TrafficOptions["format"][];
  const dir = await mkdtemp(path.join(os.tmpdir(), "ops-bench-idem-"));
  let database: Awaited<ReturnType<typeof ensureEmbeddedDatabase>> | undefined;
  const rows: string[][] = [];
  try {
    database = await ensureEmbeddedDatabase(dir, () => undefined);
    await migrate(database.url);
    const env = childEnv({ DATABASE_URL: database.url, LOG_LEVEL: "warn" });
    for (const format of formats) {
      for (const size of sizes) {
        const file = path.join(dir, `traffic-${size}.${format}`);
        const gz = `${file}.gz`;
        process.stdout.write(`generating ${format} of ~${size} MB…\n`);
        const written = await writeTraffic(file, { format, targetBytes: size * 1e6, ...SPAN, ...MIGRATION }, gz);
        const bytes = (await stat(file)).size;
        const gzBytes = (await stat(gz)).size;
        const wc = await run("wc", ["-l", file]);
        const gunzip = await run("sh", ["-c", `gzip -dc '${gz}' > /dev/null`]);
        for (const [label, input] of [
          ["plain", file],
          ["gzip", gz],
        ] as const) {
          const sampler = startMemorySampler(dir);
          const r = await run(
            process.execPath,
            ["--import", "tsx", path.join(import.meta.dirname, "idempotency-run.ts"), input],
            env,
          );
          const memory = sampler.stop();
          if (r.code !== 0) throw new Error(`analysis of ${input} failed (exit ${r.code})`);
          const m = JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as {
            ms: number;
            entries: number;
            findings: number;
            maxRssBytes: number;
            heap: NodeJS.MemoryUsage;
          };
          process.stdout.write(`  heap at the end: ${JSON.stringify(m.heap)}\n`);
          rows.push([
            `${format} ${size} MB (${label})`,
            `${(bytes / 1e6).toFixed(0)} MB${label === "gzip" ? ` (${(gzBytes / 1e6).toFixed(0)} MB gz)` : ""}, ${written.exchanges.toLocaleString("en")} exchanges`,
            `${mbps(bytes, m.ms)} (${(m.ms / 1000).toFixed(1)} s)`,
            mb(m.maxRssBytes),
            mb(memory.peakPg),
            label === "plain" ? `wc -l ${mbps(bytes, wc.ms)}` : `gzip -dc ${mbps(bytes, gunzip.ms)}`,
            `${m.findings.toLocaleString("en")} findings`,
          ]);
          const ok = bytes / 1e6 / (m.ms / 1000) >= GOAL_MBPS && m.maxRssBytes <= GOAL_RSS;
          process.stdout.write(`  ${rows.at(-1)?.join(" | ")} ${ok ? "PASS" : "FAIL"}\n`);
        }
        await rm(file);
        await rm(gz);
      }
    }
  } finally {
    await database?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
  const head = [
    "input",
    "size",
    "checker throughput",
    "checker peak RSS",
    "PostgreSQL peak (PSS)",
    "baseline, same file",
    "result",
  ];
  process.stdout.write(
    `\nidempotency benchmark (goals: ≥ ${GOAL_MBPS} MB/s per format, ≤ ${mb(GOAL_RSS)} peak RSS whatever the size)\n`,
  );
  process.stdout.write(`| ${head.join(" | ")} |\n| ${head.map(() => "---").join(" | ")} |\n`);
  for (const r of rows) process.stdout.write(`| ${r.join(" | ")} |\n`);
}
