// `npm run bench -- reconcile [--orders N]`: full reconciliation of 1,000,000 orders, 1,000,000 webhook events
// and 20,000 standalone receipts, against a plain SQL join of orders to events on the same data, plus the time
// of the table's first page for common filters. Prints figures and the targets; asserts nothing.
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

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

export async function runReconcileBench(args: string[]): Promise<void> {
  const ordersArg = args.indexOf("--orders");
  const orders = ordersArg >= 0 ? Number(args[ordersArg + 1]) : 1_000_000;
  const size = { orders, events: orders, receipts: Math.round(orders / 50) };
  const dir = await mkdtemp(path.join(os.tmpdir(), "ops-bench-recon-"));
  const database = await ensureEmbeddedDatabase(dir, () => undefined);
  const client = new pg.Client({ connectionString: database.url });
  try {
    await migrate(database.url);
    setDatabaseUrl(database.url);
    await client.connect();
    process.stdout.write(
      `generating ${size.orders} orders, ${size.events} webhook events, ${size.receipts} receipts…\n`,
    );
    const [, genMs] = await timed(() => generateReconcileData(client, size));
    process.stdout.write(`  generated in ${(genMs / 1000).toFixed(1)} s\n`);

    const [join, joinMs] = await timed(() =>
      client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pos_orders o JOIN payment_events e ON e.merchant_reference = o.merchant_reference`,
      ),
    );
    const sampler = startMemorySampler(dir);
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

    const row = (k: string, v: string) => process.stdout.write(`  ${k.padEnd(44)} ${v}\n`);
    process.stdout.write(
      `\nreconcile benchmark (${size.orders} orders / ${size.events} events / ${size.receipts} receipts)\n`,
    );
    row("baseline: SQL join orders⋈events on reference", `${(joinMs / 1000).toFixed(2)} s (${join.rows[0]?.n} pairs)`);
    row("full reconciliation", `${(runMs / 1000).toFixed(2)} s (${(runMs / joinMs).toFixed(1)}× the join)`);
    row("items by status", JSON.stringify(result.byStatus));
    for (const s of result.slowest) row(`  slow step ${s.ms} ms`, s.sql);
    row(
      "peak memory: node / postgres / total",
      `${mb(memory.peakNode)} / ${mb(memory.peakPg)} / ${mb(memory.peakTotal)}`,
    );
    for (const p of pages) row(`first page: ${p.name}`, `${p.ms.toFixed(0)} ms (worst of 4 warm runs)`);
    const ok = (b: boolean) => (b ? "PASS" : "FAIL");
    process.stdout.write(
      `\n  ${ok(runMs <= 60_000)} full run ≤ 60 s   ${ok(memory.peakTotal <= 1.5 * 1024 ** 3)} peak memory ≤ 1.5 GB   ${ok(pages.every((p) => p.ms <= 300))} first page ≤ 300 ms\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await disconnectDb();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
