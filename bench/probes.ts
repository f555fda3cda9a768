// `npm run bench -- probes [--stores 2000] [--terminals 10] [--cycles 4]`: a simulated fleet (2,000 stores with
// 20,000 terminals by default, each store with a probe terminal) probed by the real probe cycle against the
// simulator as its own process. Prints calls per cycle, cycle time, rows and bytes written per day, and the
// projected 30-day storage. Baselines measured in the same run: polling every terminal's status (the per-terminal
// design) and storing one row per store and probe (the row-per-result design).
import pg from "pg";
import { setDatabaseUrl, db } from "../lib/db.ts";
import { setEnvForTests } from "../lib/env.ts";
import { createLimiter } from "../lib/status/probes/limiter.ts";
import { PROBE_CONCURRENCY, runProbeCycle } from "../lib/status/run-probes.ts";
import { rollUp } from "../lib/status/retention.ts";
import { CHECKED_AT_REFRESH_S } from "../lib/status/terminal-connections.ts";
import type { Catalog } from "../sim/catalog-types.ts";
import { option, table } from "./cli.ts";
import { say, simControl, startStack, type Stack } from "./status-stack.ts";

const CYCLES_PER_DAY = 86_400 / 15;
const STATUS_TABLES = ["status_probe_runs", "status_verdicts", "status_transitions", "status_incidents", "terminals"];
const GB = 1024 ** 3;
const MB = 1024 ** 2;

async function seedFleet(catalog: Catalog): Promise<void> {
  const d = db();
  await d.store.createMany({ data: catalog.stores.map((s) => ({ id: s.id, name: s.name, timezone: s.timezone })) });
  for (let i = 0; i < catalog.terminals.length; i += 5_000) {
    await d.terminal.createMany({
      data: catalog.terminals.slice(i, i + 5_000).map((t) => ({
        id: t.id,
        storeId: t.storeId,
        model: t.model,
        serialNumber: t.serialNumber,
        assignmentStatus: t.status,
      })),
    });
  }
  await d.statusProbeTerminal.createMany({
    data: catalog.stores.flatMap((s) => (s.probeTerminalId ? [{ storeId: s.id, terminalId: s.probeTerminalId }] : [])),
  });
}

type Counters = { wal: bigint; sizes: Record<string, number>; writes: number };

/** PostgreSQL backends publish their row counts up to 10 s late when idle: wait that out before reading them. */
const settle = () => new Promise((r) => setTimeout(r, 11_000));

async function counters(client: pg.Client): Promise<Counters> {
  await settle();
  const wal =
    (await client.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]?.lsn ?? "0/0";
  const [hi, lo] = wal.split("/").map((x) => BigInt(`0x${x}`));
  const sizes: Record<string, number> = {};
  for (const t of STATUS_TABLES)
    sizes[t] = Number(
      (await client.query<{ n: string }>(`SELECT pg_total_relation_size('${t}') AS n`)).rows[0]?.n ?? 0,
    );
  const w = await client.query<{ n: string }>(
    `SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS n FROM pg_stat_user_tables WHERE relname = ANY($1)`,
    [STATUS_TABLES],
  );
  return { wal: ((hi ?? 0n) << 32n) + (lo ?? 0n), sizes, writes: Number(w.rows[0]?.n ?? 0) };
}

/** Average stored size of a row: its columns as stored (compressed or TOASTed) plus fixed costs per row. */
async function storedRowBytes(
  client: pg.Client,
  tableName: string,
  columns: string[],
  indexes: number,
): Promise<{ perRow: number; rows: number }> {
  const sum = columns.map((c) => `coalesce(pg_column_size(${c}), 0)`).join(" + ");
  const r = await client.query<{ b: string; n: string }>(
    `SELECT coalesce(avg(${sum}), 0)::float8 AS b, count(*) AS n FROM ${tableName}`,
  );
  // 24 tuple header + 4 line pointer + ~40 of fixed-width columns + ~32 per index entry.
  return { perRow: Number(r.rows[0]?.b ?? 0) + 68 + 32 * indexes, rows: Number(r.rows[0]?.n ?? 0) };
}

/** The per-terminal design: one GET …/devices/{id}/status for every terminal, with the same concurrency. */
async function perTerminalPolling(stack: Stack, catalog: Catalog): Promise<number> {
  const limit = createLimiter(PROBE_CONCURRENCY);
  const started = performance.now();
  await Promise.all(
    catalog.terminals.map((t) =>
      limit(async () => {
        const res = await fetch(`${stack.simUrl}/v1/merchants/${catalog.merchantAccount}/devices/${t.id}/status`, {
          headers: { "x-api-key": stack.simApiKey },
        });
        await res.text();
      }),
    ),
  );
  return (performance.now() - started) / 1000;
}

/** The row-per-result design: one indexed row per store and probe kind for one cycle, measured. */
async function rowPerResultBytes(client: pg.Client, stores: number): Promise<number> {
  await client.query(`CREATE TABLE bench_rows (id bigserial PRIMARY KEY, at timestamptz, store_id text, kind text,
    outcome smallint, latency_ms int, connected smallint, total smallint, error text)`);
  await client.query("CREATE INDEX ON bench_rows (store_id, kind, at)");
  await client.query(`INSERT INTO bench_rows (at, store_id, kind, outcome, latency_ms, connected, total)
    SELECT now(), s.id, k, 0, 12, 10, 10 FROM stores s CROSS JOIN unnest(ARRAY['cloud_link','terminal_api','webhooks']) k`);
  const bytes = Number(
    (await client.query<{ n: string }>("SELECT pg_total_relation_size('bench_rows') AS n")).rows[0]?.n ?? 0,
  );
  await client.query("DROP TABLE bench_rows");
  return bytes * (1 + 2 / Math.max(1, stores)); // (kept simple: the two merchant-wide rows are negligible)
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const n0 = (x: number) => Math.round(x).toLocaleString("en-US");

export async function runProbesBench(args: string[]): Promise<void> {
  const stores = option(args, "stores", 2000);
  const perStore = option(args, "terminals", 10);
  const cycles = option(args, "cycles", 4);
  const stack = await startStack("probes", ["--fleet", `${stores}x${perStore}`]);
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  try {
    const catalog = (await simControl(stack, "/_sim/catalog")) as Catalog;
    setDatabaseUrl(stack.databaseUrl);
    setEnvForTests({
      SIMULATOR_MODE: "true",
      ADYEN_API_KEY: stack.simApiKey,
      ADYEN_MERCHANT_ACCOUNT: catalog.merchantAccount,
      ADYEN_HMAC_KEYS: stack.hmacKey,
      ADYEN_API_BASE_URL: stack.simUrl,
      ADYEN_STATUS_URL: `${stack.simUrl}/status`,
      STATUS_PROBE_INTERVAL_S: "15",
      LOG_LEVEL: "warn",
    });
    await seedFleet(catalog);
    await client.connect();
    say(
      `fleet: ${catalog.stores.length} stores, ${catalog.terminals.length} terminals; concurrency ${PROBE_CONCURRENCY}`,
    );
    // Two warm-up cycles create every verdict; steady state is measured after them.
    for (let i = 0; i < 2; i++) await runProbeCycle();
    const before = await counters(client);
    const times: number[] = [];
    const calls: number[] = [];
    for (let i = 0; i < cycles; i++) {
      const r = await runProbeCycle();
      times.push(r.durationMs / 1000);
      calls.push(r.calls);
      say(`cycle ${i + 1}: ${r.calls} calls in ${(r.durationMs / 1000).toFixed(2)} s`);
    }
    const after = await counters(client);
    // Once an hour every unchanged terminal's connected_checked_at is re-confirmed: one cycle measured with that.
    await client.query("UPDATE terminals SET connected_checked_at = connected_checked_at - interval '2 hours'");
    const preRefresh = await counters(client);
    await runProbeCycle();
    const postRefresh = await counters(client);
    const refreshesPerDay = 86_400 / CHECKED_AT_REFRESH_S;
    const steady = { wal: Number(after.wal - before.wal) / cycles, writes: (after.writes - before.writes) / cycles };
    const refresh = { wal: Number(postRefresh.wal - preRefresh.wal), writes: postRefresh.writes - preRefresh.writes };
    const perDay = {
      wal: steady.wal * (CYCLES_PER_DAY - refreshesPerDay) + refresh.wal * refreshesPerDay,
      writes: steady.writes * (CYCLES_PER_DAY - refreshesPerDay) + refresh.writes * refreshesPerDay,
    };
    // Stored bytes per row as PostgreSQL keeps them (arrays compressed/TOASTed), plus tuple header, line pointer
    // and index entries: a few rows fill no page, so relation sizes would say nothing yet.
    const runRow = await storedRowBytes(
      client,
      "status_probe_runs",
      ["outcomes", "latencies", "connected", "totals", "errors", "error"],
      2,
    );
    // Rollups: one complete hour of these runs, sized per hour and projected over the retention.
    await rollUp(new Date(Date.now() + 2 * 3_600_000));
    const rollupRow = await storedRowBytes(
      client,
      "status_rollups",
      ["up_counts", "deg_counts", "down_counts", "unk_counts", "latency_sum", "latency_n", "latency_max"],
      1,
    );
    const rollupBytes = rollupRow.perRow * rollupRow.rows;
    const fixed =
      (after.sizes["status_verdicts"] ?? 0) +
      (after.sizes["status_transitions"] ?? 0) +
      (after.sizes["status_incidents"] ?? 0);
    const raw48h = runRow.perRow * (runRow.rows / (cycles + 2)) * CYCLES_PER_DAY * 2;
    const rollups30d = rollupBytes * 24 * 30;
    const projected = raw48h + rollups30d + fixed;

    say("baselines: polling every terminal, and one row per store and probe…");
    const pollS = await perTerminalPolling(stack, catalog);
    const rowBytes = await rowPerResultBytes(client, stores);
    const rowProjected = rowBytes * CYCLES_PER_DAY * 30;

    say("");
    say(
      `probes: ${catalog.stores.length} stores / ${catalog.terminals.length} terminals, ${cycles} measured cycles, interval 15 s`,
    );
    say(
      table([
        ["measure", "result", "goal", "baseline (same run)"],
        [
          "calls per cycle",
          n0(pct(calls, 0.5)),
          "grows with stores",
          `per-terminal polling: ${n0(catalog.terminals.length)} calls`,
        ],
        [
          "cycle time p50 / max",
          `${pct(times, 0.5).toFixed(2)} s / ${Math.max(...times).toFixed(2)} s`,
          "≤ 15 s",
          `per-terminal polling: ${pollS.toFixed(2)} s`,
        ],
        [
          "rows written per day",
          n0(perDay.writes),
          "—",
          `row per result: ${n0(catalog.stores.length * 3 * CYCLES_PER_DAY)}`,
        ],
        ["bytes written per day (WAL)", `${(perDay.wal / GB).toFixed(2)} GB`, "—", "—"],
        ["raw results kept (48 h)", `${(raw48h / MB).toFixed(0)} MB`, "—", "—"],
        ["hourly rollups (30 d)", `${(rollups30d / MB).toFixed(0)} MB`, "—", "—"],
        [
          "projected 30-day storage",
          `${(projected / GB).toFixed(2)} GB`,
          "≤ 1 GB",
          `row per result, 30 d raw: ${(rowProjected / GB).toFixed(0)} GB`,
        ],
      ]),
    );
  } finally {
    await client.end().catch(() => undefined);
    await stack.cleanUp();
  }
}
