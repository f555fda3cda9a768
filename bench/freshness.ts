// `npm run bench -- freshness [--rate N] [--seconds N] [--background N]`: signed webhooks for known POS orders at
// a fixed rate against the production server with its in-process jobs, while a full run (`ops reconcile`, its own
// process) starts in the middle and finance's first page of /reconciliation is read every second. Reports the lag
// from each webhook's `[accepted]` to its order showing `matched` in /api/v1/reconciliation, and the page reads,
// beside the goals (p99 lag ≤ 10 s; no read over 300 ms). The server is warmed first (page reads, then five seconds
// of the stream for orders of their own), so the figures are those of a server in service. Asserts nothing.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT, startAppServer, waitForHealthy } from "../cli/processes.ts";
import { ensureEmbeddedDatabase, freePort } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { disconnectDb, setDatabaseUrl } from "../lib/db.ts";
import { pendingChanges } from "../lib/reconciliation/queue-state.ts";
import { childEnv } from "../lib/env.ts";
import { ensureFreshBuild } from "./build.ts";
import { matchedWithPrefix, percentile, readFirstPage, signInCookie } from "./freshness-client.ts";
import { prepareData, ref, streamDeliveries } from "./freshness-data.ts";
import { runLoad } from "./load-generator.ts";
import { cleanups } from "./cleanups.ts";
import { option } from "./cli.ts";

const say = (s: string) => process.stdout.write(`${s}\n`);
const GOALS = { lagP99Ms: 10_000, readMs: 300 };

/**
 * `ops reconcile` as its own process (as an operator would start it, from a session of their own); resolves with its
 * wall time and how much of it the run spent giving way to incremental matching.
 */
function fullRunProcess(databaseUrl: string): Promise<{ ms: number; pausedMs: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/ops.js", "reconcile", "--json"], {
      cwd: ROOT,
      env: childEnv({ DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }),
      stdio: ["ignore", "pipe", "inherit"],
      // Its own session, like an operator's terminal: not a part of this process's, whose load generator and
      // readers stand in for Adyen and for users' browsers elsewhere.
      detached: true,
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`ops reconcile exited ${code}`));
      const result = JSON.parse(out.trim().split("\n").at(-1) || "{}") as { pausedMs?: number };
      resolve({ ms: performance.now() - t, pausedMs: result.pausedMs ?? 0 });
    });
  });
}

/** References per poll: one prefix, its last digits free. */
const FREE_DIGITS = 2;
const BLOCK = 10 ** FREE_DIGITS;
/** Reads of the page before the load, to warm the server's code; the last 5 give the idle figure. */
const WARM_READS = 40;
/** Seconds of the stream sent before the measured run, for orders of their own (see below). */
const WARM_SECONDS = 5;
/** A round of polls starts at most this often. */
const POLL_INTERVAL_MS = 1000;

export async function runFreshnessBench(args: string[]): Promise<void> {
  const o = {
    rate: option(args, "rate", 1000),
    seconds: option(args, "seconds", 60),
    background: option(args, "background", 1_000_000),
  };
  const streamed = Math.round(o.rate * o.seconds);
  const warm = Math.round(o.rate * WARM_SECONDS);
  const secrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ADYEN_HMAC_KEYS: randomBytes(32).toString("hex"),
    ADYEN_WEBHOOK_USERNAME: "adyen-bench",
    ADYEN_WEBHOOK_PASSWORD: randomBytes(18).toString("base64url"),
  };
  await ensureFreshBuild(childEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET }));
  const dir = await mkdtemp(path.join(os.tmpdir(), "ops-bench-fresh-"));
  const { push, cleanUp } = cleanups();
  push(() => rm(dir, { recursive: true, force: true }));
  const server = await ensureEmbeddedDatabase(dir, () => undefined);
  push(() => server.stop());
  try {
    const url = server.url;
    await migrate(url);
    setDatabaseUrl(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    say(`preparing ${o.background} background orders/events and ${streamed + warm} orders for the stream…`);
    const data = await prepareData(client, { background: o.background, streamed: streamed + warm });
    await client.end();
    await disconnectDb();
    say(`  initial full run: ${(data.fullMs / 1000).toFixed(1)} s`);

    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const env = {
      ...secrets,
      DATABASE_URL: url,
      NEXTAUTH_URL: appUrl,
      PORT: String(port),
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    };
    // Its own session: the load generator, the poller and the reader below stand in for Adyen's servers and
    // users' browsers elsewhere, and must not share the server's scheduling group (see startAppServer).
    const next = startAppServer(port, childEnv(env), "127.0.0.1", { ownSession: true });
    push(next.stop);
    await waitForHealthy(appUrl, 90_000);
    const cookie = await signInCookie(appUrl, data.email, data.password);
    if (!(await readFirstPage(appUrl, cookie)).ok)
      throw new Error("the reconciliation page did not render for finance");
    // A server in service has rendered the page many times: these reads warm its code (compiled and optimised as it
    // runs) the way hours of use would, so the reads below measure the load, not a cold start. The last ones are
    // the idle figure.
    const idle: number[] = [];
    for (let i = 0; i < WARM_READS; i++) idle.push((await readFirstPage(appUrl, cookie)).ms);
    idle.splice(0, WARM_READS - 5);
    idle.sort((a, b) => a - b);

    const all = streamDeliveries(streamed + warm, secrets.ADYEN_HMAC_KEYS);
    const deliveries = all.slice(0, streamed);
    const authorization = `Basic ${Buffer.from(`${secrets.ADYEN_WEBHOOK_USERNAME}:${secrets.ADYEN_WEBHOOK_PASSWORD}`).toString("base64")}`;
    const loadOptions = {
      url: `${appUrl}/api/webhooks/adyen`,
      authorization,
      rate: o.rate,
      // As many as Adyen may hold open: with few, requests would queue in this sender, out of the server's sight.
      connections: 64,
      timeoutMs: 10_000,
      drainMs: 20_000,
    };

    // The same stream for a few seconds first, for orders of its own: a server in service has handled webhooks and
    // matched them for hours, so its code is compiled and its connections are open; the run below measures that
    // server, not the first seconds of a new process. What the page did meanwhile is reported, not judged.
    const warmReads: number[] = [];
    const warmReader = setInterval(
      () =>
        void readFirstPage(appUrl, cookie).then(
          (r) => warmReads.push(r.ms),
          () => undefined,
        ),
      1000,
    );
    const warmLoad = await runLoad(all.slice(streamed), loadOptions);
    clearInterval(warmReader);
    const settled = performance.now() + 60_000;
    while ((await pendingChanges()).pending > 0 && performance.now() < settled)
      await new Promise((r) => setTimeout(r, 500));
    await disconnectDb();
    const matchedAt = new Float64Array(streamed).fill(NaN);
    // 0: no answer yet; 200: acknowledged; other: refused (never becomes matched, so no longer waited for).
    const answered = new Uint16Array(streamed);
    const reads: number[] = [];
    // When (seconds into the stream) each read over the goal started.
    const slowReadsAt: number[] = [];
    let failedReads = 0;
    let streaming = true;
    let fullRun: Promise<{ ms: number; pausedMs: number }> | undefined;
    const start = performance.now();
    const loadDone = runLoad(deliveries, {
      ...loadOptions,
      onAnswer: (i, status) => (answered[i] = status || 1),
    }).finally(() => (streaming = false));
    const fullTimer = setTimeout(() => (fullRun = fullRunProcess(url)), (o.seconds * 1000) / 2);
    const reader = setInterval(() => {
      void readFirstPage(appUrl, cookie).then(
        (r) => {
          if (!r.ok) return failedReads++;
          reads.push(r.ms);
          if (r.ms > GOALS.readMs) slowReadsAt.push((performance.now() - r.ms - start) / 1000);
        },
        () => failedReads++,
      );
    }, 1000);
    // Blocks of BLOCK references (one prefix each), polled while any reference in them is still unmatched.
    const pollUntil = start + (o.seconds + 120) * 1000;
    const isOpen = (b: number) => {
      for (let i = b * BLOCK; i < Math.min(streamed, b * BLOCK + BLOCK); i++)
        if ((answered[i] === 0 || answered[i] === 200) && Number.isNaN(matchedAt[i])) return true;
      return false;
    };
    // How long each round of polls took, and how many blocks it polled: the resolution of the lag figures.
    const rounds: { ms: number; blocks: number }[] = [];
    while (performance.now() < pollUntil) {
      const roundStart = performance.now();
      const sentSoFar = Math.min(streamed, Math.floor(((performance.now() - start) * o.rate) / 1000));
      const open = [...Array(Math.ceil(sentSoFar / BLOCK)).keys()].filter(isOpen);
      if (!streaming && open.length === 0) break;
      for (const b of open) {
        const prefix = ref(b * BLOCK).slice(0, -FREE_DIGITS);
        const now = performance.now();
        for (const r of await matchedWithPrefix(appUrl, data.token, prefix)) {
          const i = Number(r.slice(3));
          if (i < streamed && Number.isNaN(matchedAt[i])) matchedAt[i] = now;
        }
      }
      if (open.length > 0) rounds.push({ ms: performance.now() - roundStart, blocks: open.length });
      // Rounds back to back would make this instrument a load of its own (one API call always in flight, about
      // a quarter of this machine's CPU between the app and PostgreSQL): a round starts at most once per interval.
      await new Promise((r) => setTimeout(r, Math.max(0, roundStart + POLL_INTERVAL_MS - performance.now())));
    }
    clearTimeout(fullTimer);
    clearInterval(reader);
    const load = await loadDone;
    const full = fullRun ? await fullRun : { ms: NaN, pausedMs: NaN };

    const lags: number[] = [];
    // The worst lag of the webhooks sent in each tenth of the run: shows when matching fell behind.
    const slices = Array.from({ length: 10 }, () => 0);
    let unmatched = 0;
    for (let i = 0; i < streamed; i++) {
      if (Number.isNaN(load.ackedAtMs[i] as number)) continue;
      if (Number.isNaN(matchedAt[i] as number)) unmatched++;
      else {
        const lag = Math.max(0, (matchedAt[i] as number) - (load.ackedAtMs[i] as number));
        lags.push(lag);
        const slice = Math.min(9, Math.floor((i / streamed) * 10));
        slices[slice] = Math.max(slices[slice] ?? 0, lag);
      }
    }
    lags.sort((a, b) => a - b);
    const sortedReads = [...reads].sort((a, b) => a - b);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    say("");
    say(
      `freshness: ${o.rate} webhooks/s for ${o.seconds} s (${load.acked}/${streamed} acknowledged), a full run over ${o.background + streamed + warm} orders started at ${o.seconds / 2} s (${s(full.ms)}, of which ${s(full.pausedMs)} giving way to incremental matching), /reconciliation read every second`,
    );
    say(
      `  lag [accepted] → matched in /api/v1/reconciliation: p50 ${s(percentile(lags, 50))}, p90 ${s(percentile(lags, 90))}, p99 ${s(percentile(lags, 99))}, max ${s(lags.at(-1) ?? NaN)}; acknowledged but never seen matched: ${unmatched}`,
    );
    say(
      `  worst lag by tenth of the stream (the full run starts at the sixth): ${slices.map((l) => (l / 1000).toFixed(1)).join(" ")} s`,
    );
    say(`  first page of /reconciliation before the load: median ${percentile(idle, 50).toFixed(0)} ms of 5 reads`);
    say(
      `  warm-up before the run: ${warmLoad.acked}/${warm} webhooks acknowledged in ${WARM_SECONDS} s; page reads meanwhile: ${warmReads.length}, max ${Math.max(0, ...warmReads).toFixed(0)} ms (not judged)`,
    );
    say(
      `  first page of /reconciliation: ${reads.length} reads, p50 ${percentile(sortedReads, 50).toFixed(0)} ms, p99 ${percentile(sortedReads, 99).toFixed(0)} ms, max ${(sortedReads.at(-1) ?? NaN).toFixed(0)} ms, over ${GOALS.readMs} ms: ${slowReadsAt.length}${slowReadsAt.length ? ` (started at ${slowReadsAt.map((t) => `${t.toFixed(0)} s`).join(", ")})` : ""}, failed: ${failedReads}`,
    );
    say(
      `  webhook answers: p99 ${percentile(
        [...load.latenciesMs].sort((a, b) => a - b),
        99,
      ).toFixed(0)} ms; errors ${JSON.stringify(Object.fromEntries(load.errors))}`,
    );
    const ok = (b: boolean) => (b ? "PASS" : "FAIL");
    say(
      `  ${ok(percentile(lags, 99) <= GOALS.lagP99Ms && unmatched === 0)} lag p99 ≤ 10 s   ${ok(slowReadsAt.length === 0 && failedReads === 0)} no read over 300 ms`,
    );
    const roundMs = rounds.map((r) => r.ms).sort((a, b) => a - b);
    say(
      `  (lag is measured by polling blocks of ${BLOCK} references: a round at most every ${POLL_INTERVAL_MS} ms; each figure is an upper bound, by up to one interval or round; rounds: ${rounds.length}, p50 ${percentile(roundMs, 50).toFixed(0)} ms, max ${(roundMs.at(-1) ?? NaN).toFixed(0)} ms, most blocks in one round ${Math.max(0, ...rounds.map((r) => r.blocks))})`,
    );
  } finally {
    await cleanUp();
  }
}
