// A matching run: gather → assign → items, in one transaction under an advisory lock, then the results replace
// those of the same scope. A full run rebuilds everything; a partial run touches only its scope.
import { db } from "@/lib/db";
import { ASSIGN_PRUNE_SQL, ASSIGN_ROUND_SQL, ASSIGN_SETUP_SQL } from "./sql-assign";
import { GATHER_SQL } from "./sql-evidence";
import { ITEM_COLUMNS, ITEMS_TABLE_SQL, itemsSql } from "./sql-items";
import { loadMatchSettings, type MatchSettings } from "./settings";
import type { MatchScope } from "./scope";

const LOCK_KEY = 72_707_002;
// Every index but the primary key, exactly as the migrations create them (the last one is SQL-only: a byte-order
// copy of the reference, so prefix search uses an index whatever the database's collation).
const SECONDARY_INDEXES = [
  { name: "recon_items_item_key_key", columns: "item_key", unique: true },
  { name: "recon_items_order_id_key", columns: "order_id", unique: true },
  { name: "recon_items_status_occurred_at_idx", columns: "status, occurred_at", unique: false },
  { name: "recon_items_store_id_occurred_at_idx", columns: "store_id, occurred_at", unique: false },
  { name: "recon_items_occurred_at_id_idx", columns: "occurred_at, id", unique: false },
  { name: "recon_items_reference_c_idx", columns: `(merchant_reference COLLATE "C"), id`, unique: false },
];
const MAX_ROUNDS = 20;
const EPOCH = new Date(0);

export type ReconcileResult = {
  scope: MatchScope["kind"];
  orders: number;
  items: number;
  byStatus: Record<string, number>;
  rounds: number;
  ms: number;
  /** The slowest statements of the run, for benchmarks and slow-run logs. */
  slowest: { sql: string; ms: number }[];
};

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

type Timings = { sql: string; ms: number }[];

/** Passes exactly the parameters a statement refers to ($1…$n), as PostgreSQL requires, and times it. */
async function exec(tx: Tx, sql: string, params: readonly unknown[], timings: Timings): Promise<number> {
  const used = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  const t = performance.now();
  const n = await tx.$executeRawUnsafe(sql, ...params.slice(0, used));
  timings.push({ sql: sql.replace(/\s+/g, " ").trim().slice(0, 70), ms: Math.round(performance.now() - t) });
  return n;
}

export async function reconcile(scope: MatchScope = { kind: "full" }, given?: MatchSettings): Promise<ReconcileResult> {
  const started = performance.now();
  const settings = given ?? (await loadMatchSettings());
  const scopeParams =
    scope.kind === "full" ? [true, EPOCH, EPOCH, []] : [false, scope.from, scope.to, scope.references];
  const timings: Timings = [];
  return db().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", LOCK_KEY);
      // Hash joins and aggregates over a million rows stay in memory instead of spilling to disk.
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      for (const sql of GATHER_SQL) await exec(tx, sql, scopeParams, timings);
      const assignParams = [
        settings.closeSeconds,
        settings.windowMinutes,
        Math.max(settings.windowMinutes, settings.outageWindowMinutes),
      ];
      for (const sql of ASSIGN_SETUP_SQL) await exec(tx, sql, assignParams, timings);
      let rounds = 0;
      while (rounds < MAX_ROUNDS) {
        rounds++;
        const assigned = await exec(tx, ASSIGN_ROUND_SQL, [], timings);
        if (assigned === 0) break;
        for (const sql of ASSIGN_PRUNE_SQL) await exec(tx, sql, [], timings);
      }
      const target = scope.kind === "full" ? "recon_items" : "s_items";
      if (scope.kind === "full") await emptyForFullLoad(tx, timings);
      else await exec(tx, ITEMS_TABLE_SQL, [], timings);
      for (const sql of itemsSql(target)) await exec(tx, sql, [settings.graceMinutes], timings);
      if (scope.kind === "full") await rebuildIndexes(tx, timings);
      else await replaceScope(tx, timings);
      const counts = await tx.$queryRawUnsafe<{ status: string; n: bigint }[]>(
        `SELECT status::text AS status, count(*) AS n FROM ${target} GROUP BY status`,
      );
      const orders = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM s_orders`);
      const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
      return {
        scope: scope.kind,
        orders: Number(orders[0]?.n ?? 0),
        items: Object.values(byStatus).reduce((a, b) => a + b, 0),
        byStatus,
        rounds,
        ms: Math.round(performance.now() - started),
        slowest: [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5),
      };
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

// A full run owns the whole table: TRUNCATE writes no dead rows, and building the indexes once after the load is
// several times faster than maintaining them row by row. Index names and columns are the migration's.
async function emptyForFullLoad(tx: Tx, timings: Timings): Promise<void> {
  await exec(tx, `TRUNCATE recon_items`, [], timings);
  for (const idx of SECONDARY_INDEXES) await exec(tx, `DROP INDEX IF EXISTS "${idx.name}"`, [], timings);
}

async function rebuildIndexes(tx: Tx, timings: Timings): Promise<void> {
  for (const idx of SECONDARY_INDEXES) {
    await exec(
      tx,
      `CREATE ${idx.unique ? "UNIQUE " : ""}INDEX "${idx.name}" ON recon_items (${idx.columns})`,
      [],
      timings,
    );
  }
  // Fresh statistics, or the planner keeps believing the table is empty and the first pages crawl.
  await exec(tx, `ANALYZE recon_items`, [], timings);
}

/**
 * A partial run: rows its scope no longer produces go; the others are updated in place, keeping their ids, so a
 * detail panel or a bulk selection made before a decision still points at the same order afterwards.
 */
async function replaceScope(tx: Tx, timings: Timings): Promise<void> {
  await exec(
    tx,
    `DELETE FROM recon_items r
     WHERE (r.order_id IN (SELECT id FROM s_orders)
            OR (r.order_id IS NULL AND (r.item_key IN (SELECT unit_key FROM s_units) OR r.item_key IN (SELECT 'event:' || id FROM s_pay))))
       AND NOT EXISTS (SELECT 1 FROM s_items i WHERE i.item_key = r.item_key)`,
    [],
    timings,
  );
  const updates = ITEM_COLUMNS.split(", ")
    .filter((c) => c !== "item_key")
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(", ");
  await exec(
    tx,
    `INSERT INTO recon_items (${ITEM_COLUMNS}, updated_at) SELECT ${ITEM_COLUMNS}, now() FROM s_items
     ON CONFLICT (item_key) DO UPDATE SET ${updates}, updated_at = now()`,
    [],
    timings,
  );
}
