// `npm run bench -- links [--links N] [--concurrency N] [--fault-rate R]`: 1,000 payment link creations through
// POST /api/v1/payment-links on the production Next server, against the simulator with 30% of Checkout calls
// faulted (processed then the connection dropped, transient 503, 704 "in flight", latency past the app's Adyen
// timeout). The client (a POS) sends its own Idempotency-Key and retries with it until it gets 201. Then the same
// creations straight against the simulator with the same faults and client, as the baseline. Prints links created
// at the simulator (goal: exactly N, every reference once), throughput and p99. Asserts nothing.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runNextBuild, startAppServer, startSimulatorProcess, waitForHealthy } from "../cli/processes.ts";
import { ensureEmbeddedDatabase, freePort } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { db, disconnectDb, setDatabaseUrl } from "../lib/db.ts";
import { childEnv, setEnvForTests } from "../lib/env.ts";
import { createApiToken } from "../lib/auth/api-tokens.ts";
import { DEMO_CATALOG, DEMO_STORE_IDS } from "../sim/catalog.ts";
import { existsSync } from "node:fs";
import { option, table } from "./cli.ts";
import { cleanups as newCleanups } from "./cleanups.ts";

const say = (msg: string) => process.stdout.write(`${msg}\n`);
const STORE = DEMO_STORE_IDS.BERLIN;
/** The app gives up on an Adyen call after this long; the latency fault is longer, so it times out mid-flight. */
const APP_ADYEN_TIMEOUT_MS = 1_000;
const LATENCY_FAULT_MS = 1_500;
const LINKS_HEADER = [
  "path",
  "links at Adyen",
  "distinct refs",
  "refs doubled",
  "refs missing",
  "throughput",
  "p50",
  "p99",
  "tries/link",
];
const CLIENT = { maxTries: 30, baseDelayMs: 200, maxDelayMs: 3_000, timeoutMs: 20_000 };

type Outcome = { ms: number; tries: number; ok: boolean; statuses: Map<string, number> };

async function post(url: string, headers: Record<string, string>, body: string): Promise<string> {
  try {
    const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(CLIENT.timeoutMs) });
    await res.arrayBuffer();
    return String(res.status);
  } catch (err) {
    return err instanceof Error && err.name === "TimeoutError" ? "client timeout" : "connection error";
  }
}

/** One logical creation: the same key and body until the answer is 201 (or the tries run out). */
async function createOnce(send: (key: string) => Promise<string>): Promise<Outcome> {
  const key = randomUUID();
  const statuses = new Map<string, number>();
  const started = performance.now();
  for (let tries = 1; tries <= CLIENT.maxTries; tries++) {
    const status = await send(key);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status === "201") return { ms: performance.now() - started, tries, ok: true, statuses };
    // 4xx other than 409/422-in-flight would be a bug in the request: retrying cannot help.
    if (status === "400" || status === "401" || status === "403") break;
    const ceiling = Math.min(CLIENT.maxDelayMs, CLIENT.baseDelayMs * 2 ** (tries - 1));
    await new Promise((r) => setTimeout(r, ceiling / 2 + Math.random() * (ceiling / 2)));
  }
  return { ms: performance.now() - started, tries: CLIENT.maxTries, ok: false, statuses };
}

async function runClient(n: number, concurrency: number, send: (i: number, key: string) => Promise<string>) {
  const outcomes: Outcome[] = new Array<Outcome>(n);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) outcomes[i] = await createOnce((key) => send(i, key));
    }),
  );
  return { outcomes, ms: performance.now() - started };
}

async function simLinks(simUrl: string): Promise<{ id: string; reference: string }[]> {
  return ((await (await fetch(`${simUrl}/_sim/state`)).json()) as { links: { id: string; reference: string }[] }).links;
}

async function setFaults(simUrl: string, rate: number): Promise<unknown> {
  const res = await fetch(`${simUrl}/_sim/faults/mix`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      family: "checkout",
      rate,
      weights: { drop: 1, transient503: 1, inFlight704: 1, latency: 1 },
      latencyMs: LATENCY_FAULT_MS,
    }),
  });
  return res.json();
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function report(
  name: string,
  n: number,
  run: Awaited<ReturnType<typeof runClient>>,
  links: { reference: string }[],
  prefix: string,
) {
  const mine = links.filter((l) => l.reference.startsWith(prefix));
  const refs = new Map<string, number>();
  for (const l of mine) refs.set(l.reference, (refs.get(l.reference) ?? 0) + 1);
  const doubled = [...refs.values()].filter((c) => c > 1).length;
  const missing = n - refs.size;
  const ok = run.outcomes.filter((o) => o.ok);
  const ms = ok.map((o) => o.ms).sort((a, b) => a - b);
  const statuses = new Map<string, number>();
  for (const o of run.outcomes) for (const [s, c] of o.statuses) statuses.set(s, (statuses.get(s) ?? 0) + c);
  return {
    cells: [
      name,
      `${mine.length}`,
      `${refs.size}`,
      `${doubled}`,
      `${missing}`,
      `${(ok.length / (run.ms / 1000)).toFixed(1)}/s`,
      `${pct(ms, 50).toFixed(0)} ms`,
      `${pct(ms, 99).toFixed(0)} ms`,
      `${(run.outcomes.reduce((s, o) => s + o.tries, 0) / n).toFixed(2)}`,
    ],
    statuses: [...statuses]
      .sort()
      .map(([s, c]) => `${s}×${c}`)
      .join(" "),
    exact: mine.length === n && refs.size === n && doubled === 0,
  };
}

export async function runLinksBench(args: string[]): Promise<void> {
  const o = {
    links: option(args, "links", 1000),
    concurrency: option(args, "concurrency", 20),
    faultRate: option(args, "fault-rate", 0.3, true),
  };
  setEnvForTests({ LOG_LEVEL: "warn" });
  const nextauthSecret = randomBytes(32).toString("base64url");
  if (!existsSync(path.join(import.meta.dirname, "..", ".next", "BUILD_ID"))) {
    say("no production build: running next build…");
    await runNextBuild(childEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: nextauthSecret }));
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "ops-bench-links-"));
  const cleanups = newCleanups();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  try {
    const database = await ensureEmbeddedDatabase(dir, () => undefined);
    cleanups.push(() => database.stop());
    await migrate(database.url);
    setDatabaseUrl(database.url);
    cleanups.push(() => disconnectDb());
    const store = DEMO_CATALOG.stores.find((s) => s.id === STORE);
    await db().store.create({
      data: {
        id: STORE,
        name: store?.name ?? STORE,
        timezone: "Europe/Berlin",
        merchantAccount: DEMO_CATALOG.merchantAccount,
      },
    });
    const { token } = await createApiToken({ name: "bench POS", role: "store_manager", storeIds: [STORE] }, "system");

    const apiKey = randomBytes(18).toString("base64url");
    const hmacKey = randomBytes(32).toString("hex");
    const secrets = path.join(dir, "sim-secrets.json");
    await writeFile(secrets, JSON.stringify({ apiKey, hmacKey }), { mode: 0o600 });
    const simProcess = startSimulatorProcess(
      ["--port", String(await freePort()), "--secrets-file", secrets, "--quiet"],
      (line) => say(`[sim] ${line}`),
    );
    cleanups.push(() => simProcess.stop());
    const sim = { url: await simProcess.ready };
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const next = startAppServer(
      port,
      childEnv({
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: nextauthSecret,
        NEXTAUTH_URL: appUrl,
        LOG_LEVEL: "error",
        ADYEN_API_KEY: apiKey,
        ADYEN_MERCHANT_ACCOUNT: DEMO_CATALOG.merchantAccount,
        ADYEN_HMAC_KEYS: hmacKey,
        ADYEN_API_BASE_URL: sim.url,
        ADYEN_TIMEOUT_MS: String(APP_ADYEN_TIMEOUT_MS),
      }),
      "127.0.0.1",
    );
    cleanups.push(() => next.stop());
    await waitForHealthy(appUrl, 60_000);
    const runId = Date.now().toString(36);
    const reference = (path: string, i: number) => `${path}-${runId}-${String(i).padStart(5, "0")}`;

    // Warm the server's code paths without faults (not counted).
    await setFaults(sim.url, 0);
    const warmHeaders = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    for (let i = 0; i < 20; i++) {
      await post(
        `${appUrl}/api/v1/payment-links`,
        { ...warmHeaders, "idempotency-key": randomUUID() },
        JSON.stringify({ storeId: STORE, reference: reference("WARM", i), amount: { value: 100, currency: "EUR" } }),
      );
    }

    await setFaults(sim.url, o.faultRate);
    say(
      `${o.links} creations, ${o.concurrency} at a time, ${Math.round(o.faultRate * 100)}% of Checkout calls faulted (drop after processing, transient 503, 704 in flight, +${LATENCY_FAULT_MS} ms against the app's ${APP_ADYEN_TIMEOUT_MS} ms timeout)…`,
    );
    const appRun = await runClient(o.links, o.concurrency, (i, key) =>
      post(
        `${appUrl}/api/v1/payment-links`,
        { ...warmHeaders, "idempotency-key": key },
        JSON.stringify({
          storeId: STORE,
          reference: reference("APP", i),
          amount: { value: 1000 + i, currency: "EUR" },
        }),
      ),
    );
    const app = report("POST /api/v1/payment-links (app)", o.links, appRun, await simLinks(sim.url), `APP-${runId}-`);
    const stored = await db().paymentLink.groupBy({
      by: ["status"],
      where: { reference: { startsWith: `APP-${runId}-` } },
      _count: true,
    });

    const directRun = await runClient(o.links, o.concurrency, (i, key) =>
      post(
        `${sim.url}/v72/paymentLinks`,
        { "x-api-key": apiKey, "content-type": "application/json", "idempotency-key": key },
        JSON.stringify({
          merchantAccount: DEMO_CATALOG.merchantAccount,
          reference: reference("SIM", i),
          amount: { value: 1000 + i, currency: "EUR" },
          store: STORE,
        }),
      ),
    );
    const direct = report(
      "POST /v72/paymentLinks (simulator, baseline)",
      o.links,
      directRun,
      await simLinks(sim.url),
      `SIM-${runId}-`,
    );
    const faults = (
      (await (await fetch(`${sim.url}/_sim/faults`)).json()) as { mixes: { checkout?: { counts: unknown } } }
    ).mixes.checkout?.counts;

    say("");
    say(table([LINKS_HEADER, app.cells, direct.cells]));
    say(`answers seen by the client: app ${app.statuses}; baseline ${direct.statuses}`);
    say(`faults injected over both runs: ${JSON.stringify(faults)}`);
    say(`rows in payment_links: ${stored.map((s) => `${s.status} ${s._count}`).join(", ")}`);
    say(`goal: exactly ${o.links} links created at Adyen, every reference once → ${app.exact ? "met" : "NOT met"}`);
  } finally {
    await cleanups.cleanUp();
  }
}
