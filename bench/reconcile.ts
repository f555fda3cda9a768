// `npm run bench -- reconcile [--orders N[,N…]]`: full reconciliation of N orders, N webhook events and N/50
// standalone receipts (default 1,000,000 then 5,000,000, to show how the time grows), each against a plain SQL join
// of orders to events on the same data, plus the time of the table's first page for common filters. Prints figures
// beside the goals (for 1,000,000 orders: ≤ 20 s, ≤ 1 GB peak); asserts nothing.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureEmbeddedDatabase } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { disconnectDb, setDatabaseUrl } from "../lib/db.ts";
import { reconcile } from "../lib/reconciliation/engine/run.ts";
import { DEFAULT_MATCH_SETTINGS } from "../lib/reconciliation/engine/settings.ts";
import { listReconItems } from "../lib/reconciliation/queries.ts";
import { parseReconFilter } from "../lib/reconciliation/filters.ts";
import { generateReconcileData } from "./reconcile-data.ts";
import { mb, startMemorySampler } from "./memory-sampler.ts";

const ALL = { kind: "user" as const, id: "bench", label: "bench", role: "finance" as const, storeIds: "all" as const };
const GOAL = { orders: 1_000_000, seconds: 20, bytes: 1024 ** 3, pageMs: 300 };
const say = (s: string) => process.stdout.write(`${s}\n`);
const row = (k: string, v: string) => say(`  ${k.padEnd(44)} ${v}`);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

type Figures = { orders: number; runMs: number; joinMs: number; peak: number; pagesMs: number };

async function measure(serverUrl: string, dataDir: string, orders: number): Promise<Figures> {
  const size = { orders, events: orders, receipts: Math.round(orders / 50) };
  const name = `bench_recon_${orders}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]+$/, `/${name}`);
  await migrate(url);
  setDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    say(`generating ${size.orders} orders, ${size.events} webhook events, ${size.receipts} receipts…`);
    const [, genMs] = await timed(() => generateReconcileData(client, size));
    say(`  generated in ${(genMs / 1000).toFixed(1)} s`);
    const [join, joinMs] = await timed(() =>
      client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pos_orders o JOIN payment_events e ON e.merchant_reference = o.merchant_reference`,
      ),
    );
    const sampler = startMemorySampler(dataDir);
    const [result, runMs] = await timed(() =>
      reconcile({ kind: "full" }, { ...DEFAULT_MATCH_SETTINGS, graceMinutes: 60 }),
    );
    const memory = sampler.stop();
    const filters = [
      { name: "status=missing", params: { status: "missing" } },
      { name: "store + status=matched", params: { store: "STBENCH2", status: "matched" } },
      { name: "status=suggested,duplicate", params: { status: "suggested,duplicate" } },
      { name: "reference search", params: { q: "ORD-4242" } },
    ];
    const pages: { name: string; ms: number }[] = [];
    for (const f of filters) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) times.push((await timed(() => listReconItems(ALL, parseReconFilter(f.params))))[1]);
      pages.push({ name: f.name, ms: Math.max(...times.slice(1)) });
    }
    say(`\nreconcile benchmark (${size.orders} orders / ${size.events} events / ${size.receipts} receipts)`);
    row("baseline: SQL join orders⋈events on reference", `${(joinMs / 1000).toFixed(2)} s (${join.rows[0]?.n} pairs)`);
    row("full reconciliation", `${(runMs / 1000).toFixed(2)} s (${(runMs / joinMs).toFixed(1)}× the join)`);
    row("items by status", JSON.stringify(result.byStatus));
    for (const s of result.slowest) row(`  slow step ${s.ms} ms`, s.sql);
    row(
      "peak memory: node / postgres / total",
      `${mb(memory.peakNode)} / ${mb(memory.peakPg)} / ${mb(memory.peakTotal)}`,
    );
    for (const p of pages) row(`first page: ${p.name}`, `${p.ms.toFixed(0)} ms (worst of 4 warm runs)`);
    say("");
    return { orders, runMs, joinMs, peak: memory.peakTotal, pagesMs: Math.max(...pages.map((p) => p.ms)) };
  } finally {
    await client.end().catch(() => undefined);
    await disconnectDb();
    const drop = new pg.Client({ connectionString: serverUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await drop.end();
  }
}

export async function runReconcileBench(args: string[]): Promise<void> {
  const ordersArg = args.indexOf("--orders");
  const sizes = (ordersArg >= 0 ? String(args[ordersArg + 1]) : "1000000,5000000").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error("--orders takes whole numbers ≥ 100");
  const dir = await mkdtemp(path.join(os.tmpdir(), "ops-bench-recon-"));
  const database = await ensureEmbeddedDatabase(dir, () => undefined);
  try {
    const figures: Figures[] = [];
    for (const n of sizes) figures.push(await measure(database.url, dir, n));
    say("summary: full run by size (the goal applies to 1,000,000 orders)");
    const ok = (b: boolean) => (b ? "PASS" : "FAIL");
    for (const f of figures) {
      const perM = (f.runMs / 1000 / f.orders) * 1_000_000;
      const goal =
        f.orders === GOAL.orders
          ? `   ${ok(f.runMs <= GOAL.seconds * 1000)} ≤ ${GOAL.seconds} s   ${ok(f.peak <= GOAL.bytes)} ≤ 1 GB   ${ok(f.pagesMs <= GOAL.pageMs)} first page ≤ ${GOAL.pageMs} ms`
          : "";
      row(
        `${f.orders.toLocaleString("en")} orders`,
        `${(f.runMs / 1000).toFixed(1)} s (${perM.toFixed(1)} s per million; join ${(f.joinMs / 1000).toFixed(2)} s), peak ${mb(f.peak)}${goal}`,
      );
    }
  } finally {
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
