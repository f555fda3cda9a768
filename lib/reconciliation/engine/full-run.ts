// A full run builds the new results beside the old ones and swaps them in. Nothing that readers, decisions or
// partial runs use is locked while it computes; only the swap takes the table for a moment (a few catalog changes),
// and it waits for a free moment in short tries, so a reader queues behind it for at most one try.
// Changes that partial runs made while it computed are carried over (the rows they noted in recon_carry_over), and
// the queue entries those runs took are reopened, so the next partial run replays them over the new table.
import { db } from "@/lib/db";
import { errorFields, log } from "@/lib/log";
import { exec, execAll, paceStatements, slowest, type Timings, type Tx } from "./exec";
import { GIVE_WAY, givingWay, liveMatchingGoingOn, type GiveWayOptions } from "./give-way";
import { FULL_LOCK, PARTIAL_LOCK } from "./locks";
import { countByStatus, countOrders, matchInto } from "./match";
import { GATHER_FULL_SQL } from "./sql-gather";
import { ITEM_COLUMNS } from "./sql-items";
import { SUMMARY_REPLACE_SQL, summaryBuildSql, summaryLateSql } from "./sql-summary";
import type { MatchSettings } from "./settings";
import type { ReconcileResult } from "./result";

const BUILD = "recon_items_build";
// Every index of recon_items but the primary key, with the names and columns the migrations give them (the last is SQL-only: a
// byte-order copy of the reference, so prefix search uses an index whatever the database's collation).
const INDEXES = [
  { name: "status_occurred_at_idx", columns: "status, occurred_at", unique: false },
  { name: "store_id_occurred_at_idx", columns: "store_id, occurred_at", unique: false },
  { name: "occurred_at_id_idx", columns: "occurred_at, id", unique: false },
  { name: "reference_c_idx", columns: `(merchant_reference COLLATE "C"), id`, unique: false },
];
const CHANGED = ITEM_COLUMNS.split(", ").filter((c) => c !== "id");

// What partial runs changed while this run computed (they note each row they wrote or deleted, see partial-run.ts):
// their results are newer than this run's, so they replace its rows, and rows they deleted go.
const LATE_SQL = [
  `CREATE TEMP TABLE s_late_ids ON COMMIT DROP AS SELECT DISTINCT id FROM recon_carry_over`,
  `CREATE TEMP TABLE s_late ON COMMIT DROP AS
     SELECT ${ITEM_COLUMNS}, updated_at FROM recon_items WHERE id IN (SELECT id FROM s_late_ids)`,
];
const CARRY_OVER_SQL = [
  `INSERT INTO ${BUILD} (${ITEM_COLUMNS}, updated_at) SELECT ${ITEM_COLUMNS}, updated_at FROM s_late
     ON CONFLICT (id) DO UPDATE SET ${CHANGED.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}, updated_at = EXCLUDED.updated_at`,
  `DELETE FROM ${BUILD} b USING s_late_ids l WHERE b.id = l.id AND NOT EXISTS (SELECT 1 FROM s_late x WHERE x.id = l.id)`,
  `DELETE FROM recon_carry_over`,
];

// Short tries for the table lock: while one waits, new readers queue behind it, so each try is brief. A background
// VACUUM or ANALYZE of the old table would hold the swap (and with it every partial run) for seconds: PostgreSQL only
// cancels one for a lock wait longer than a try, so it is asked to give way (it runs again later), where permitted.
const LOCK_FOR_SWAP_SQL = `DO $$ BEGIN
  FOR attempt IN 1..6000 LOOP
    BEGIN
      SET LOCAL lock_timeout = '100ms';
      LOCK TABLE recon_items IN ACCESS EXCLUSIVE MODE;
      RETURN;
    EXCEPTION WHEN lock_not_available THEN
      BEGIN
        PERFORM pg_cancel_backend(a.pid) FROM pg_stat_activity a
        WHERE a.backend_type = 'autovacuum worker'
          AND a.pid IN (SELECT l.pid FROM pg_locks l WHERE l.relation = 'recon_items'::regclass);
      EXCEPTION WHEN insufficient_privilege THEN NULL;
      END;
      PERFORM pg_sleep(0.05);
    END;
  END LOOP;
  RAISE EXCEPTION 'recon_items stayed in use for 15 minutes: the full run was not swapped in';
END $$`;

async function buildIndexes(tx: Tx, timings: Timings): Promise<void> {
  await exec(tx, `ALTER TABLE ${BUILD} ADD CONSTRAINT ${BUILD}_pkey PRIMARY KEY (id)`, [], timings);
  for (const idx of INDEXES) {
    const unique = idx.unique ? "UNIQUE " : "";
    await exec(tx, `CREATE ${unique}INDEX ${BUILD}_${idx.name} ON ${BUILD} (${idx.columns})`, [], timings);
  }
  // Fresh statistics, or the planner believes the new table is empty and the first pages crawl.
  await exec(tx, `ANALYZE ${BUILD}`, [], timings);
}

/**
 * The summary of the new table is counted before the partial runs are stopped (a million rows take a second);
 * under the lock only the rows they changed meanwhile are carried over and their difference added.
 */
async function swap(tx: Tx, startedAt: Date, timings: Timings): Promise<void> {
  await execAll(tx, summaryBuildSql(BUILD), [], timings);
  // From here no partial run is half-way, and none starts until the swap is committed: no more giving way to them.
  paceStatements(tx, async () => undefined);
  await exec(tx, "SELECT pg_advisory_xact_lock($1)", [PARTIAL_LOCK], timings);
  await execAll(tx, LATE_SQL, [], timings);
  await execAll(tx, summaryLateSql(BUILD), [], timings);
  await execAll(tx, CARRY_OVER_SQL, [], timings);
  await execAll(tx, SUMMARY_REPLACE_SQL, [], timings);
  await exec(tx, LOCK_FOR_SWAP_SQL, [], timings);
  await exec(tx, "DROP TABLE recon_items", [], timings);
  await exec(tx, `ALTER TABLE ${BUILD} RENAME TO recon_items`, [], timings);
  await exec(tx, `ALTER TABLE recon_items RENAME CONSTRAINT ${BUILD}_pkey TO recon_items_pkey`, [], timings);
  for (const idx of INDEXES)
    await exec(tx, `ALTER INDEX ${BUILD}_${idx.name} RENAME TO recon_items_${idx.name}`, [], timings);
  await exec(tx, "UPDATE recon_queue SET done_at = NULL WHERE done_at >= $1", [startedAt], timings);
  // Changes committed before the run started are in its results: their queue entries are done.
  await exec(tx, "DELETE FROM recon_queue q USING s_seen t WHERE q.id = t.id", [], timings);
}

export async function runFull(settings: MatchSettings, giveWay: GiveWayOptions = GIVE_WAY): Promise<ReconcileResult> {
  const started = performance.now();
  const timings: Timings = [];
  const result = await db().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", FULL_LOCK);
      // Background work: while incremental matching is behind, the run pauses between statements (give-way.ts).
      const pace = givingWay(giveWay);
      paceStatements(tx, pace);
      const [clock] = await tx.$queryRawUnsafe<{ t0: Date }[]>("SELECT clock_timestamp() AS t0");
      const startedAt = clock?.t0 ?? new Date();
      // Notes of a run that died before its swap; partial runs from now on note for this one.
      await exec(tx, "DELETE FROM recon_carry_over", [], timings);
      // The queue entries committed by now: everything they stand for is visible to the gathering below.
      await exec(
        tx,
        "CREATE TEMP TABLE s_seen ON COMMIT DROP AS SELECT id FROM recon_queue WHERE done_at IS NULL",
        [],
        timings,
      );
      // Hash joins and aggregates over a million rows stay in memory instead of spilling to disk.
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      await tx.$executeRawUnsafe("SET LOCAL maintenance_work_mem = '256MB'");
      // With live traffic the run keeps to one core (no parallel workers), leaving the others to webhooks, partial
      // runs and readers; alone (a quiet night, an operator's run with the app stopped) it uses them all.
      const parallel = !(await liveMatchingGoingOn());
      if (!parallel) {
        await tx.$executeRawUnsafe("SET LOCAL max_parallel_workers_per_gather = 0");
        await tx.$executeRawUnsafe("SET LOCAL max_parallel_maintenance_workers = 0");
      }
      await execAll(tx, GATHER_FULL_SQL, [], timings);
      await exec(tx, `DROP TABLE IF EXISTS ${BUILD}`, [], timings);
      await exec(tx, `CREATE TABLE ${BUILD} (LIKE recon_items INCLUDING DEFAULTS)`, [], timings);
      const rounds = await matchInto(tx, BUILD, true, settings, timings);
      const byStatus = await countByStatus(tx, BUILD);
      await buildIndexes(tx, timings);
      const orders = await countOrders(tx);
      await swap(tx, startedAt, timings);
      await tx.$executeRawUnsafe(
        `DELETE FROM app_settings WHERE key = 'reconciliation.full_requested' AND updated_at <= $1`,
        startedAt,
      );
      return {
        scope: "full" as const,
        orders,
        items: Object.values(byStatus).reduce((a, b) => a + b, 0),
        byStatus,
        rounds,
        ms: Math.round(performance.now() - started),
        pausedMs: pace.pausedMs,
        parallel,
        slowest: slowest(timings),
      };
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  // The statistics were taken inside the transaction, before its inserts were counted: without this, autovacuum
  // would analyze the whole new table again right away.
  await db()
    .$executeRawUnsafe("ANALYZE recon_items")
    .catch((err: unknown) => log.warn("reconcile.analyze_failed", errorFields(err)));
  return result;
}
