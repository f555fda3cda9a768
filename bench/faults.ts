// `npm run bench -- faults [--rate N] [--seconds N] [--orders N]`: the reconciliation and the webhook receiver under
// faults, with figures beside the goals. (1) PostgreSQL stopped for 5 s under webhooks: every acknowledged
// notification stored once, the rest refused and stored on the sender's retry, the app recovering by itself.
// (2) Two app instances on one database: migrations once, jobs once per slot, one notification sent to both stored
// once, the same results as one instance. (3) SIGKILL during a full run: results complete and equal to a clean run,
// no decision lost. (4) Malformed requests from a fuzzer: every one a 4xx, the server alive, nothing written.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { ROOT } from "../cli/processes.ts";
import { childEnv } from "../lib/env.ts";
import { AUTHORIZATION, ok, post, query, restartablePostgres, SECRETS, startApp } from "./faults-support.ts";
import { runLoad } from "./load-generator.ts";
import { generateReconcileData } from "./reconcile-data.ts";
import { makeDeliveries } from "./webhook-payloads.ts";
import { readStored } from "./webhook-report.ts";
import { decisionsHonoured, seedDecisions } from "./faults-decisions.ts";
import { ensureFreshBuild } from "./build.ts";

const say = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = promisify(execFile);
const ops = (url: string, ...args: string[]) =>
  run(process.execPath, ["bin/ops.js", ...args], {
    cwd: ROOT,
    env: childEnv({ DATABASE_URL: url, LOG_LEVEL: "error" }),
  });
const option = (args: string[], name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const JSON_HEADERS = { "content-type": "application/json", authorization: AUTHORIZATION };
const RESULTS_HASH = `SELECT count(*)::int AS n, md5(string_agg(id || ':' || status || ':' || reason || ':' || coalesce(method::text, ''), ',' ORDER BY id)) AS h FROM recon_items`;

async function postgresRestart(
  url: string,
  app: { url: string },
  pgs: { stop: () => Promise<void>; start: () => Promise<void> },
  rate: number,
  seconds: number,
): Promise<boolean> {
  const deliveries = makeDeliveries(rate * seconds, {
    prefix: "PGR",
    hmacKey: SECRETS.ADYEN_HMAC_KEYS,
    redeliveryShare: 0,
  });
  const outage = (async () => {
    await sleep(seconds * 350);
    await pgs.stop();
    await sleep(5_000);
    await pgs.start();
  })();
  const load = await runLoad(deliveries, {
    url: `${app.url}/api/webhooks/adyen`,
    authorization: AUTHORIZATION,
    rate,
    connections: 64,
    timeoutMs: 10_000,
    drainMs: 15_000,
  });
  await outage;
  const afterOutage = await readStored(url);
  let lost = 0;
  for (const psp of load.ackedPspReferences) if (!afterOutage.pspReferences.has(psp)) lost++;
  const refused = new Map<number, number>();
  for (const s of load.statuses) if (s !== 200) refused.set(s, (refused.get(s) ?? 0) + 1);
  // The sender retries whatever it did not see acknowledged, as Adyen does.
  let retriedOk = 0;
  const retry = deliveries.filter((_, i) => Number.isNaN(load.ackedAtMs[i] as number));
  for (let i = 0; i < retry.length; i += 32)
    retriedOk += (
      await Promise.all(retry.slice(i, i + 32).map((d) => post(`${app.url}/api/webhooks/adyen`, d.body, JSON_HEADERS)))
    ).filter((s) => s === 200).length;
  const final = await readStored(url);
  const health = await fetch(`${app.url}/api/health`).then(
    (r) => r.status,
    () => 0,
  );
  const doubled = final.rows - final.pspReferences.size;
  const good =
    lost === 0 &&
    doubled === 0 &&
    final.pspReferences.size === deliveries.length &&
    health === 200 &&
    !refused.has(200);
  say(
    `1. PostgreSQL stopped for 5 s at ${Math.round(seconds * 0.35)} s of ${rate}/s for ${seconds} s: ${load.acked} acknowledged, refused ${JSON.stringify(Object.fromEntries(refused))} (0 = no answer in 10 s)`,
  );
  say(
    `   acknowledged but not stored: ${lost}; retried by the sender: ${retry.length} (${retriedOk} acknowledged); stored ${final.pspReferences.size}/${deliveries.length} distinct, ${doubled} twice; health after: ${health}`,
  );
  say(
    `   ${ok(lost === 0)} nothing acknowledged lost   ${ok(doubled === 0)} nothing stored twice   ${ok(final.pspReferences.size === deliveries.length)} all stored after retries   ${ok(health === 200)} recovered without restart`,
  );
  return good;
}

async function twoInstances(serverUrl: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE two");
  await admin.end();
  const url = serverUrl.replace(/\/[^/]+$/, "/two");
  const migrations = (await readdir(path.join(ROOT, "prisma", "migrations"))).filter((n) => /^\d/.test(n)).length;
  const migrated = await Promise.allSettled([ops(url, "migrate"), ops(url, "migrate")]);
  const applied = await query<{ name: string; n: number }>(
    url,
    "SELECT migration_name AS name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1",
  );
  const migratedOnce =
    migrated.every((m) => m.status === "fulfilled") && applied.length === migrations && applied.every((a) => a.n === 1);
  const [a, b] = await Promise.all([startApp(url), startApp(url)]);
  try {
    const bodies = makeDeliveries(100, { prefix: "TWO", hmacKey: SECRETS.ADYEN_HMAC_KEYS, redeliveryShare: 0 });
    const statuses = await Promise.all(
      bodies.flatMap((d) => [a, b].map((app) => post(`${app.url}/api/webhooks/adyen`, d.body, JSON_HEADERS))),
    );
    const stored = await query<{ rows: number; deliveries: number }>(
      url,
      "SELECT count(*)::int AS rows, sum(deliveries)::int AS deliveries FROM payment_events",
    );
    await sleep(40_000); // at least two catch-up slots (every 15 s) offered by both instances
    const slots = await query<{ slots: number; doubled: number }>(
      url,
      `SELECT count(*)::int AS slots, count(*) FILTER (WHERE n > 1)::int AS doubled FROM (
      SELECT singleton_on, count(*) AS n FROM pgboss.job WHERE name = 'reconcile.catch-up' AND singleton_on IS NOT NULL GROUP BY singleton_on) s`,
    );
    const before = (await query<{ n: number; h: string }>(url, RESULTS_HASH))[0];
    await ops(url, "reconcile");
    const after = (await query<{ n: number; h: string }>(url, RESULTS_HASH))[0];
    const once = stored[0]?.rows === 100 && stored[0]?.deliveries === 200 && statuses.every((s) => s === 200);
    const jobsOnce = (slots[0]?.slots ?? 0) >= 2 && slots[0]?.doubled === 0;
    const same = before?.h === after?.h && (before?.n ?? 0) > 0;
    say(
      `2. two instances on one database: migrations ${migrations} applied once each: ${migratedOnce}; 100 notifications each sent to both: ${stored[0]?.rows} stored, ${stored[0]?.deliveries} deliveries counted`,
    );
    say(
      `   catch-up job slots: ${slots[0]?.slots}, run twice: ${slots[0]?.doubled}; results of the two instances' incremental runs equal a full run: ${same} (${before?.n} items)`,
    );
    say(
      `   ${ok(migratedOnce)} migrations once   ${ok(once)} stored once   ${ok(jobsOnce)} jobs never twice   ${ok(same)} same results as one run`,
    );
    return migratedOnce && once && jobsOnce && same;
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

async function killDuringFullRun(url: string, orders: number): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(
    "TRUNCATE pos_orders, payment_events, standalone_receipts, recon_items, recon_queue, match_decisions, stores CASCADE",
  );
  await generateReconcileData(c, { orders, events: orders, receipts: Math.round(orders / 50) });
  await c.end();
  let t = performance.now();
  await ops(url, "reconcile");
  const cleanMs = performance.now() - t;
  // Finance decided on some pairs: decisions must survive whatever happens to a run, and keep deciding results.
  const seeded = await seedDecisions(url);
  await ops(url, "reconcile");
  const clean = (await query<{ n: number; h: string }>(url, RESULTS_HASH))[0];
  const decisions = await decisionsHonoured(url);
  const child = spawn(process.execPath, ["bin/ops.js", "reconcile"], {
    cwd: ROOT,
    env: childEnv({ DATABASE_URL: url, LOG_LEVEL: "error" }),
    stdio: "ignore",
  });
  t = performance.now();
  await sleep(cleanMs * 0.6);
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  const killedAt = performance.now() - t;
  await sleep(1_000); // PostgreSQL notices the dropped connection and rolls the run back
  const afterKill = (await query<{ n: number; h: string }>(url, RESULTS_HASH))[0];
  const leftover = (await query<{ t: string | null }>(url, "SELECT to_regclass('recon_items_build')::text AS t"))[0]?.t;
  await ops(url, "reconcile");
  const rerun = (await query<{ n: number; h: string }>(url, RESULTS_HASH))[0];
  const kept = await decisionsHonoured(url);
  const complete = afterKill?.h === clean?.h;
  const equal = rerun?.h === clean?.h;
  const noneLost =
    decisions.active === seeded && decisions.honoured === seeded && kept.active === seeded && kept.honoured === seeded;
  say(
    `3. SIGKILL of \`ops reconcile\` after ${(killedAt / 1000).toFixed(1)} s of a ${(cleanMs / 1000).toFixed(1)} s full run over ${orders} orders (${clean?.n} items; ${seeded} decisions made through the service, ${decisions.honoured} of them honoured by the clean run)`,
  );
  say(
    `   results right after the kill: ${complete ? "the previous complete results" : "CHANGED"}; half-built table left: ${leftover ?? "none"}; after a new run: ${equal ? "equal to the clean run" : "DIFFERENT"}; decisions still active and honoured: ${kept.active}/${seeded} and ${kept.honoured}/${seeded}`,
  );
  say(
    `   ${ok(complete && !leftover)} results complete after the kill   ${ok(equal)} equal to a clean run   ${ok(noneLost)} no decision lost`,
  );
  return complete && !leftover && equal && noneLost;
}

async function fuzzHttp(app: { url: string }, url: string): Promise<boolean> {
  const before = await query<{ e: number; o: number }>(
    url,
    "SELECT (SELECT count(*) FROM payment_events)::int AS e, (SELECT count(*) FROM pos_orders)::int AS o",
  );
  const { stdout } = await ops(url, "token", "create", "--role", "finance", "--name", "fuzz");
  const token = stdout.trim().split("\n").at(-1) ?? "";
  const deep = "[".repeat(50_000) + "]".repeat(50_000);
  const webhook = [
    "",
    "{",
    "null",
    deep,
    '{"notificationItems":[{"NotificationRequestItem":{"pspReference":"\\u0000"}}]}',
    "\u0000",
    "x".repeat(4_000_000),
    '{"live":"maybe","notificationItems":[]}',
  ];
  const orders = [
    "",
    "{",
    deep,
    '{"orders":"x"}',
    '{"orders":[{"merchantReference":"A\\u0000B","storeId":"S","amount":{"value":"x"}}]}',
    `{"orders":[${'{"merchantReference":1},'.repeat(2000)}{}]}`,
  ];
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    for (const b of webhook) statuses.push(await post(`${app.url}/api/webhooks/adyen`, b, JSON_HEADERS));
    for (const b of orders)
      statuses.push(
        await post(`${app.url}/api/v1/orders`, b, {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
        }),
      );
  }
  const after = await query<{ e: number; o: number }>(
    url,
    "SELECT (SELECT count(*) FROM payment_events)::int AS e, (SELECT count(*) FROM pos_orders)::int AS o",
  );
  const health = await fetch(`${app.url}/api/health`).then(
    (r) => r.status,
    () => 0,
  );
  const all4xx = statuses.every((s) => s >= 400 && s < 500);
  const unchanged = JSON.stringify(before) === JSON.stringify(after);
  const byStatus = statuses.reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});
  say(
    `4. ${statuses.length} malformed requests (webhook route, orders API): answers ${JSON.stringify(byStatus)}; rows written: ${unchanged ? "none" : "SOME"}; health after: ${health}`,
  );
  say(
    `   ${ok(all4xx)} every answer a 4xx   ${ok(health === 200)} the server alive   ${ok(unchanged)} nothing written`,
  );
  return all4xx && health === 200 && unchanged;
}

export async function runFaultsBench(args: string[]): Promise<void> {
  const rate = option(args, "rate", 1000);
  const seconds = option(args, "seconds", 20);
  const orders = option(args, "orders", 200_000);
  await ensureFreshBuild(childEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRETS.NEXTAUTH_SECRET }));
  const dir = await mkdtemp(path.join(os.tmpdir(), "ops-bench-faults-"));
  const pgs = await restartablePostgres(dir);
  const results: boolean[] = [];
  try {
    const app = await startApp(pgs.url);
    try {
      results.push(await postgresRestart(pgs.url, app, pgs, rate, seconds));
      results.push(await fuzzHttp(app, pgs.url));
    } finally {
      await app.stop();
    }
    results.push(await twoInstances(pgs.url));
    results.push(await killDuringFullRun(pgs.url, orders));
    say(`faults: ${results.filter(Boolean).length} of ${results.length} scenarios hold every invariant`);
  } finally {
    await pgs.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
