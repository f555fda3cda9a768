// `ops idempotency analyze|self-test|audit`: the migration checker from the command line, stored like uploads.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { openContext, UsageError, type OpsContext } from "../context.ts";
import { str, type Command } from "./types.ts";
import type { AdyenConfig } from "../../lib/adyen/client.ts";
import { AppError } from "../../lib/errors.ts";
import { ensureLocalSecrets } from "../../lib/secrets.ts";
import { FINDING_CODES } from "../../lib/idempotency/codes.ts";
import { allowForcedCollection } from "../../lib/idempotency/heap-guard.ts";
import type { AnalysisSummary, SelfTestResult } from "../../lib/idempotency/index.ts";

// The checker, its self-test and the Adyen library load only for the command that needs them: every other `ops`
// command (and `ops help`) starts without them, in about half the time.
const checker = () => import("../../lib/idempotency/index.ts");

const out = (line = "") => process.stdout.write(line + "\n");

/**
 * Without ADYEN_API_KEY the app talks to its simulator, whose address only the running app knows (runtime.json
 * under DATA_DIR): the CLI then treats that host as Adyen and sends the self-test there.
 */
async function simulator(ctx: OpsContext): Promise<{ baseUrl: string; apiKey: string } | null> {
  if (ctx.env.ADYEN_API_KEY) return null;
  const file = path.join(path.resolve(ctx.env.DATA_DIR), "runtime.json");
  if (!existsSync(file)) return null;
  const runtime = JSON.parse(readFileSync(file, "utf8")) as { simUrl?: string };
  if (!runtime.simUrl) return null;
  return { baseUrl: runtime.simUrl, apiKey: (await ensureLocalSecrets(ctx.env.DATA_DIR)).simApiKey };
}

function printSummary(s: AnalysisSummary): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  out(
    `analysis ${s.id}: ${s.files} file(s), ${s.entries} entries, ${s.adyenRequests} Adyen requests, ${s.chains} retry chains`,
  );
  out(
    `readiness: ${pct(s.readiness.overall)} of ${s.readiness.requests} requests sent with a valid key and no legacy header (${s.readiness.verdict})`,
  );
  out("findings:");
  for (const code of FINDING_CODES) out(`  ${code.padEnd(30)} ${s.findings[code]}`);
  if (s.readiness.byEndpoint.length) out("by endpoint:");
  for (const e of s.readiness.byEndpoint)
    out(`  ${e.endpoint.padEnd(40)} ${String(e.requests).padStart(8)}  ${pct(e.ready).padStart(6)}  ${e.verdict}`);
}

function warnIncomplete(s: AnalysisSummary): void {
  for (const p of s.problems) process.stderr.write(`incomplete: ${p.message}\n`);
}

function printSelfTest(r: SelfTestResult): void {
  out(`self-test against ${r.target} (merchant account ${r.merchantAccount}): ${r.outcome}`);
  for (const step of r.steps) {
    out(`  ${step.id.padEnd(10)} ${step.outcome.padEnd(12)} ${step.note}`);
    for (const q of step.requests) {
      const answer =
        q.status === null
          ? `no answer (${q.error ?? "?"})`
          : `HTTP ${q.status}${q.errorCode ? ` errorCode ${q.errorCode}` : ""}`;
      out(
        `    key ${q.key.slice(0, 8)}… → ${answer}${q.transient ? ", transient-error: true" : ""}${q.echoedKey ? ", key echoed" : ""}${q.resourceId ? `, ${q.resourceId}` : ""}`,
      );
    }
  }
}

export const idempotencyCommands: Command[] = [
  {
    words: ["idempotency", "analyze"],
    usage: "idempotency analyze <file>... [--json] [--source NAME]",
    summary:
      "Check HAR or NDJSON logs (plain or gzip) for legacy retries and Idempotency-Key mistakes; stores the analysis.",
    options: { json: { type: "boolean" }, source: { type: "string" } },
    positionals: true,
    run: async (v, files) => {
      if (files.length === 0) throw new UsageError("give one or more HAR or NDJSON files (plain or .gz)");
      for (const f of files) if (!existsSync(f) || !statSync(f).isFile()) throw new UsageError(`no such file: ${f}`);
      const ctx = await openContext();
      try {
        // This process only analyses: forced collections keep its memory flat and stop nothing else.
        allowForcedCollection();
        const { analyzeTraffic, extraHostsFor } = await checker();
        const sim = await simulator(ctx);
        const e = ctx.env;
        const summary = await analyzeTraffic(
          "system",
          files.map((f) => ({ name: path.basename(f), bytes: createReadStream(f, { highWaterMark: 1024 * 1024 }) })),
          {
            kind: "cli",
            source: str(v, "source"),
            extraHosts: extraHostsFor(sim?.baseUrl ?? e.ADYEN_API_BASE_URL, e.ADYEN_ENVIRONMENT, e.ADYEN_REGION),
          },
        );
        // With --json, stdout carries exactly one JSON object; notes go to stderr.
        if (v.json) out(JSON.stringify(summary));
        else printSummary(summary);
        warnIncomplete(summary);
      } finally {
        await ctx.close();
      }
    },
  },
  {
    words: ["idempotency", "self-test"],
    usage: "idempotency self-test [--json]",
    summary:
      "Send one request twice with one key, two at once, and a new key with the same body to the Adyen TEST endpoint.",
    options: { json: { type: "boolean" } },
    run: async (v) => {
      const ctx = await openContext();
      try {
        const sim = await simulator(ctx);
        if (!ctx.env.ADYEN_API_KEY && !sim) {
          throw new UsageError(
            "simulator mode: the self-test runs against the running app's simulator; start it with `npm start` first",
          );
        }
        const [{ runSelfTest }, { adyenConfigFromEnv }, { DEMO_CATALOG }] = await Promise.all([
          checker(),
          import("../../lib/adyen/client.ts"),
          import("../../sim/catalog.ts"),
        ]);
        const base = adyenConfigFromEnv(ctx.env);
        const config: AdyenConfig = sim
          ? { ...base, ...sim, environment: "TEST", merchantAccount: DEMO_CATALOG.merchantAccount }
          : base;
        const result = await runSelfTest("system", { config });
        if (v.json) out(JSON.stringify(result));
        else printSelfTest(result);
        if (result.outcome === "fail")
          throw new AppError("UNPROCESSABLE", "the self-test failed (see the steps above)");
      } finally {
        await ctx.close();
      }
    },
  },
  {
    words: ["idempotency", "audit"],
    usage: "idempotency audit [--json]",
    summary: "Analyse this dashboard's own recorded Adyen calls and its stored PROCESS_RETRY webhooks.",
    options: { json: { type: "boolean" } },
    run: async (v) => {
      const ctx = await openContext();
      try {
        allowForcedCollection();
        const { analyzeDashboard } = await checker();
        const summary = await analyzeDashboard("system");
        if (v.json) out(JSON.stringify(summary));
        else printSummary(summary);
      } finally {
        await ctx.close();
      }
    },
  },
];
