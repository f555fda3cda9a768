// `npm run bench -- webhooks [--rate N] [--seconds N] [--connections N] [--ramp-step N] [--ramp-seconds N]
// [--overload-seconds N]`: signed Adyen notifications against the production app server (cli/server.ts, POST
// /api/webhooks/adyen), then against a bare node:http + pg server doing the same work, each on its own fresh migrated
// database of one embedded PostgreSQL: a fixed offered rate, then a ramp to each server's capacity (highest rate with
// p99 ≤ 100 ms, side by side), then the route at twice its capacity (overload). Checks nothing was lost or doubled.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { ROOT, startAppServer, waitForHealthy, type Child } from "../cli/processes.ts";
import { ensureFreshBuild } from "./build.ts";
import { ensureEmbeddedDatabase, freePort } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { childEnv } from "../lib/env.ts";
import { runLoad } from "./load-generator.ts";
import { makeDeliveries } from "./webhook-payloads.ts";
import { countsCheck, errorSummary, readStored, table, TARGETS, verdict, type Row } from "./webhook-report.ts";
import { overload, overloadText, RAMP_GOALS, ramp, type Overload, type Target } from "./webhook-ramp.ts";
import { cleanups as newCleanups } from "./cleanups.ts";
import { option } from "./cli.ts";

const say = (msg: string) => process.stdout.write(`${msg}\n`);
const DEADLINE_MS = 20 * 60_000;
// Long enough for V8 to optimise Next's request path: with 2 s at 200/s the first measured seconds still ran
// partly unoptimised code and showed one ~250 ms stall per run. "Sustained" means a warm server.
const WARMUP = { seconds: 5, rate: 500 };

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]+$/, `/${name}`);
  await migrate(url);
  return url;
}

function startBaseline(env: NodeJS.ProcessEnv): Promise<Child & { url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "baseline-webhook-server.ts")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.includes('"baseline.listening"'))
        resolve({ process: child, url: (JSON.parse(line) as { url: string }).url, stop });
      else say(`[baseline] ${line}`);
    });
    child.once("exit", (code) => reject(new Error(`the baseline server exited early (code ${code})`)));
  });
}

type Phase = { name: string; url: string; databaseUrl: string; prefix: string; pid: number | undefined };

/** CPU seconds a process has used so far (Linux /proc; clock ticks are 1/100 s there). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measure(
  phase: Phase,
  o: { rate: number; seconds: number; connections: number; hmacKey: string; authorization: string },
): Promise<Row> {
  const load = {
    url: `${phase.url}/api/webhooks/adyen`,
    authorization: o.authorization,
    connections: o.connections,
    timeoutMs: 10_000,
    drainMs: 20_000,
  };
  const warm = makeDeliveries(WARMUP.seconds * WARMUP.rate, {
    prefix: `W${phase.prefix}`,
    hmacKey: o.hmacKey,
    redeliveryShare: 0.02,
  });
  const warmResult = await runLoad(warm, { ...load, rate: WARMUP.rate });
  const main = makeDeliveries(Math.round(o.seconds * o.rate), {
    prefix: phase.prefix,
    hmacKey: o.hmacKey,
    redeliveryShare: 0.02,
  });
  say(`${phase.name}: warmed up (${warmResult.acked}/${warm.length} acked); offering ${o.rate}/s for ${o.seconds} s…`);
  const cpuBefore = cpuSeconds(phase.pid);
  const result = await runLoad(main, { ...load, rate: o.rate });
  const serverCpuMsPerRequest = ((cpuSeconds(phase.pid) - cpuBefore) * 1000) / main.length;
  const stored = await readStored(phase.databaseUrl);
  const ackedDistinct = new Set([...warmResult.ackedPspReferences, ...result.ackedPspReferences]);
  return {
    name: phase.name,
    load: result,
    requests: warm.length + main.length,
    stored,
    ackedRequests: warmResult.acked + result.acked,
    ackedDistinct,
    serverCpuMsPerRequest,
  };
}

export async function runWebhooksBench(args: string[]): Promise<void> {
  const o = {
    rate: option(args, "rate", 1050),
    seconds: option(args, "seconds", 20),
    connections: option(args, "connections", 16),
  };
  const rampOpts = {
    from: option(args, "ramp-from", 200),
    step: option(args, "ramp-step", 200),
    max: option(args, "ramp-max", 4000),
    seconds: option(args, "ramp-seconds", 8),
  };
  const overloadSeconds = option(args, "overload-seconds", 20);
  const capacities: { name: string; capacity: number }[] = [];
  let overloaded: Overload | undefined;
  const secrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ADYEN_HMAC_KEYS: randomBytes(32).toString("hex"),
    ADYEN_WEBHOOK_USERNAME: "adyen-bench",
    ADYEN_WEBHOOK_PASSWORD: randomBytes(18).toString("base64url"),
  };
  await ensureFreshBuild(childEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET }));

  const cleanups = newCleanups();
  const { cleanUp } = cleanups;
  const deadline = setTimeout(() => {
    say(`bench exceeded ${DEADLINE_MS / 1000} s: stopping everything`);
    void cleanUp().then(() => process.exit(1));
  }, DEADLINE_MS);

  try {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ops-bench-webhooks-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const server = await ensureEmbeddedDatabase(dir, () => undefined);
    cleanups.push(() => server.stop());
    const nextDb = await createDatabase(server.url, "bench_next");
    const baselineDb = await createDatabase(server.url, "bench_baseline");
    const common = { ...secrets, JOBS_IN_PROCESS: "false", LOG_LEVEL: "warn", NODE_ENV: "production" };
    const authorization = `Basic ${Buffer.from(`${secrets.ADYEN_WEBHOOK_USERNAME}:${secrets.ADYEN_WEBHOOK_PASSWORD}`).toString("base64")}`;
    const run = { ...o, hmacKey: secrets.ADYEN_HMAC_KEYS, authorization };
    const rows: Row[] = [];

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const next = startAppServer(
      port,
      childEnv({ ...common, DATABASE_URL: nextDb, NEXTAUTH_URL: url, PORT: String(port) }),
      "127.0.0.1",
    );
    cleanups.push(next.stop);
    await waitForHealthy(url, 60_000);
    rows.push(
      await measure({ name: "route (app server)", url, databaseUrl: nextDb, prefix: "N", pid: next.process.pid }, run),
    );
    const routeTarget: Target = {
      name: "route",
      url,
      databaseUrl: nextDb,
      prefix: "N",
      hmacKey: run.hmacKey,
      authorization,
    };
    say("ramping the route…");
    const routeRamp = await ramp(routeTarget, rampOpts, say);
    capacities.push({ name: "route", capacity: routeRamp.capacity });
    const overloadRate = Math.max(rampOpts.from, 2 * routeRamp.capacity);
    say(`overload: the route at ${overloadRate}/s (twice its capacity) for ${overloadSeconds} s…`);
    overloaded = await overload(routeTarget, overloadRate, overloadSeconds);
    // One server at a time: both get the machine's two cores to themselves.
    await next.stop();

    const baseline = await startBaseline(
      childEnv({ ...common, DATABASE_URL: baselineDb, PORT: String(await freePort()) }),
    );
    cleanups.push(baseline.stop);
    rows.push(
      await measure(
        {
          name: "baseline node:http + pg",
          url: baseline.url,
          databaseUrl: baselineDb,
          prefix: "B",
          pid: baseline.process.pid,
        },
        run,
      ),
    );
    say("ramping the baseline…");
    const baseRamp = await ramp(
      {
        name: "baseline",
        url: baseline.url,
        databaseUrl: baselineDb,
        prefix: "B",
        hmacKey: run.hmacKey,
        authorization,
      },
      rampOpts,
      say,
    );
    capacities.push({ name: "baseline node:http + pg", capacity: baseRamp.capacity });
    await baseline.stop();

    say("");
    say(
      `webhooks: offered ${o.rate}/s for ${o.seconds} s (after ${WARMUP.seconds} s warm-up at ${WARMUP.rate}/s), one signed item per request,`,
    );
    say(`${o.connections} keep-alive connections, 2% redeliveries; latency = request start to full answer;`);
    say("server CPU = CPU time of the server process per request (PostgreSQL and this load generator not included)");
    say(table(rows));
    for (const row of rows) {
      say(`${row.name}: ${countsCheck(row).text}`);
      const summary = errorSummary(row);
      if (summary) say(summary);
    }
    say(
      `targets: >= ${TARGETS.ackedPerSecond} acked/s sustained, p99 <= ${TARGETS.p99Ms} ms, stored rows == distinct acknowledged events`,
    );
    for (const row of rows) say(`${row.name}: ${verdict(row).text}`);
    say("");
    say(
      `capacity (highest offered rate, in steps of ${rampOpts.step}/s for ${rampOpts.seconds} s, with every request acknowledged and p99 ≤ ${RAMP_GOALS.p99Ms} ms):`,
    );
    for (const c of capacities) say(`  ${c.name.padEnd(26)} ${c.capacity}/s`);
    const route = capacities[0]?.capacity ?? 0;
    const base = capacities[1]?.capacity ?? 0;
    const share = base > 0 ? route / base : NaN;
    say(
      `  route/baseline ${Number.isNaN(share) ? "n/a (the baseline missed its first step)" : `${(share * 100).toFixed(0)} %`}   ${route >= RAMP_GOALS.minRate ? "PASS" : "FAIL"} route ≥ ${RAMP_GOALS.minRate}/s   ${share >= RAMP_GOALS.shareOfBaseline ? "PASS" : "FAIL"} ≥ ${RAMP_GOALS.shareOfBaseline * 100} % of the baseline`,
    );
    if (overloaded) say(`overload, route: ${overloadText(overloaded)}`);
  } finally {
    clearTimeout(deadline);
    await cleanUp();
  }
}
