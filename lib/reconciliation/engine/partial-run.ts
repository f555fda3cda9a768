// A partial run: matching over a scope (explicit, or a batch of queued changes) in one short transaction. Its
// results replace those of its scope row by row (readers never wait: row locks block no reader), unchanged rows are
// not rewritten, and claimed queue entries go in the same commit, so a crash leaves them pending.
import { db } from "@/lib/db";
import { exec, execAll, slowest, type Timings, type Tx } from "./exec";
import { LAST_PARTIAL_RUN } from "./give-way";
import { FULL_LOCK, PARTIAL_LOCK } from "./locks";
import { countByStatus, countOrders, matchInto } from "./match";
import { scopeMarginMs, type MatchScope } from "./scope";
import { GATHER_PARTIAL_SQL } from "./sql-gather";
import { ITEM_COLUMNS, ITEMS_TABLE_SQL } from "./sql-items";
import { EXPLICIT_SCOPE_SQL, QUEUE_SCOPE_SQL } from "./sql-scope";
import { SUMMARY_BEFORE_SQL, SUMMARY_DELTA_SQL } from "./sql-summary";
import type { MatchSettings } from "./settings";
import type { ReconcileResult } from "./result";

const CHANGED = ITEM_COLUMNS.split(", ").filter((c) => c !== "id");

const SCOPE_IDS_SQL = `CREATE TEMP TABLE s_scope_ids ON COMMIT DROP AS
  SELECT id * 3 AS id FROM s_orders UNION ALL SELECT id * 3 + 1 FROM s_pay UNION ALL SELECT id * 3 + 2 FROM s_receipts`;
// Rows of the scope that this run no longer produces (a payment now matched to an order, say).
const DELETE_GONE_SQL = `DELETE FROM recon_items r USING s_scope_ids s
  WHERE r.id = s.id AND NOT EXISTS (SELECT 1 FROM s_items i WHERE i.id = r.id)`;
const UPSERT_SQL = `INSERT INTO recon_items (${ITEM_COLUMNS}, updated_at) SELECT ${ITEM_COLUMNS}, now() FROM s_items
  ON CONFLICT (id) DO UPDATE SET ${CHANGED.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}, updated_at = now()
  WHERE (${CHANGED.map((c) => `recon_items.${c}`).join(", ")}) IS DISTINCT FROM (${CHANGED.map((c) => `EXCLUDED.${c}`).join(", ")})`;

/** While a full run computes, every row written or deleted is noted for its swap to carry over (see full-run.ts). */
const writeSql = (noted: boolean): string[] =>
  noted
    ? [
        `WITH w AS (${DELETE_GONE_SQL} RETURNING r.id) INSERT INTO recon_carry_over (id) SELECT id FROM w`,
        `WITH w AS (${UPSERT_SQL} RETURNING id) INSERT INTO recon_carry_over (id) SELECT id FROM w`,
      ]
    : [DELETE_GONE_SQL, UPSERT_SQL];

/**
 * Whether a full run is computing. When none is, this takes the full-run lock shared until commit, so none can
 * start before this run's results are committed (and seen by it).
 */
async function isFullRunBusy(tx: Tx): Promise<boolean> {
  const [lock] = await tx.$queryRawUnsafe<{ free: boolean }[]>(
    "SELECT pg_try_advisory_xact_lock_shared($1) AS free",
    FULL_LOCK,
  );
  return !lock?.free;
}

/**
 * Claimed entries are done. Without a full run in progress they are deleted (with any kept earlier); while one
 * runs they are kept, marked done, so that its swap can reopen what it did not see (see full-run.ts).
 */
async function finishClaimed(tx: Tx, fullRunBusy: boolean, timings: Timings): Promise<void> {
  if (!fullRunBusy) {
    await exec(
      tx,
      `DELETE FROM recon_queue WHERE id IN (SELECT id FROM s_claimed) OR done_at IS NOT NULL`,
      [],
      timings,
    );
  } else {
    await exec(tx, `UPDATE recon_queue SET done_at = now() WHERE id IN (SELECT id FROM s_claimed)`, [], timings);
  }
}

export type PartialOptions = {
  /** Give up (throw) when a lock is not granted within this time, e.g. for a decision that must not hang. */
  lockTimeoutMs?: number;
};

export async function runPartial(
  scope: Exclude<MatchScope, { kind: "full" }>,
  settings: MatchSettings,
  opts: PartialOptions = {},
): Promise<ReconcileResult | null> {
  const started = performance.now();
  const timings: Timings = [];
  return db().$transaction(
    async (tx) => {
      if (opts.lockTimeoutMs)
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${Math.round(opts.lockTimeoutMs)}ms'`);
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", PARTIAL_LOCK);
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      let changes = 0;
      if (scope.kind === "queue") {
        if ((await exec(tx, QUEUE_SCOPE_SQL.claim, [scope.limit], timings)) === 0) return null;
        changes = await exec(tx, QUEUE_SCOPE_SQL.changes, [], timings);
        await execAll(tx, QUEUE_SCOPE_SQL.keys, [], timings);
        await exec(tx, QUEUE_SCOPE_SQL.windows, [scopeMarginMs(settings)], timings);
      } else {
        const windows = scope.windows.map((w) => ({ ...w, amountValue: w.amountValue?.toString() ?? null }));
        await execAll(tx, EXPLICIT_SCOPE_SQL.tables, [], timings);
        await exec(tx, EXPLICIT_SCOPE_SQL.refs, [scope.references], timings);
        await exec(tx, EXPLICIT_SCOPE_SQL.psps, [scope.pspReferences], timings);
        await exec(tx, EXPLICIT_SCOPE_SQL.windows, [JSON.stringify(windows)], timings);
      }
      await execAll(tx, GATHER_PARTIAL_SQL, [], timings);
      await exec(tx, ITEMS_TABLE_SQL, [], timings);
      const rounds = await matchInto(tx, "s_items", false, settings, timings);
      await execAll(tx, [SCOPE_IDS_SQL, SUMMARY_BEFORE_SQL], [], timings);
      const fullRunBusy = await isFullRunBusy(tx);
      await execAll(tx, [...writeSql(fullRunBusy), ...SUMMARY_DELTA_SQL], [], timings);
      if (scope.kind === "queue") {
        await finishClaimed(tx, fullRunBusy, timings);
        // A heartbeat of live matching, for full runs to keep out of its way (give-way.ts).
        await exec(
          tx,
          `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, to_jsonb(now()), now())
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
          [LAST_PARTIAL_RUN],
          timings,
        );
      }
      const byStatus = await countByStatus(tx, "s_items");
      return {
        scope: "partial" as const,
        changes,
        orders: await countOrders(tx),
        items: Object.values(byStatus).reduce((a, b) => a + b, 0),
        byStatus,
        rounds,
        ms: Math.round(performance.now() - started),
        slowest: slowest(timings),
      };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
