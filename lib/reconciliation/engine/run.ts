// A matching run: gather → assign → items, in one transaction under an advisory lock, then the results replace
// those of the same scope. A full run rebuilds everything; a partial run touches only its scope.
import { db } from "@/lib/db";
import { ASSIGN_PRUNE_SQL, ASSIGN_ROUND_SQL, ASSIGN_SETUP_SQL } from "./sql-assign";
import { GATHER_SQL } from "./sql-evidence";
import { ITEMS_SQL } from "./sql-items";
import { loadMatchSettings, type MatchSettings } from "./settings";
import type { MatchScope } from "./scope";

const LOCK_KEY = 72_707_002;
const MAX_ROUNDS = 20;
const EPOCH = new Date(0);

export type ReconcileResult = { scope: MatchScope["kind"]; orders: number; items: number; byStatus: Record<string, number>; rounds: number; ms: number };

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Passes exactly the parameters a statement refers to ($1…$n), as PostgreSQL requires. */
async function exec(tx: Tx, sql: string, params: readonly unknown[]): Promise<number> {
  const used = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  return tx.$executeRawUnsafe(sql, ...params.slice(0, used));
}

export async function reconcile(scope: MatchScope = { kind: "full" }, given?: MatchSettings): Promise<ReconcileResult> {
  const started = performance.now();
  const settings = given ?? (await loadMatchSettings());
  const scopeParams = scope.kind === "full" ? [true, EPOCH, EPOCH, []] : [false, scope.from, scope.to, scope.references];
  return db().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", LOCK_KEY);
      for (const sql of GATHER_SQL) await exec(tx, sql, scopeParams);
      const assignParams = [settings.closeSeconds, settings.windowMinutes, Math.max(settings.windowMinutes, settings.outageWindowMinutes)];
      for (const sql of ASSIGN_SETUP_SQL) await exec(tx, sql, assignParams);
      let rounds = 0;
      while (rounds < MAX_ROUNDS) {
        rounds++;
        const assigned = await tx.$executeRawUnsafe(ASSIGN_ROUND_SQL);
        if (assigned === 0) break;
        await tx.$executeRawUnsafe(ASSIGN_PRUNE_SQL);
      }
      for (const sql of ITEMS_SQL) await exec(tx, sql, [settings.graceMinutes]);
      await replaceItems(tx, scope);
      const counts = await tx.$queryRawUnsafe<{ status: string; n: bigint }[]>(`SELECT status::text AS status, count(*) AS n FROM s_items GROUP BY status`);
      const orders = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM s_orders`);
      const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
      return {
        scope: scope.kind,
        orders: Number(orders[0]?.n ?? 0),
        items: Object.values(byStatus).reduce((a, b) => a + b, 0),
        byStatus,
        rounds,
        ms: Math.round(performance.now() - started),
      };
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

async function replaceItems(tx: Tx, scope: MatchScope): Promise<void> {
  if (scope.kind === "full") {
    // A full run owns the whole table; TRUNCATE avoids writing a million dead rows.
    await tx.$executeRawUnsafe(`TRUNCATE recon_items`);
  } else {
    await tx.$executeRawUnsafe(`DELETE FROM recon_items r WHERE r.order_id IN (SELECT id FROM s_orders)
      OR r.item_key IN (SELECT item_key FROM s_items)
      OR (r.order_id IS NULL AND (r.item_key IN (SELECT unit_key FROM s_units) OR r.item_key IN (SELECT 'event:' || id FROM s_pay)))`);
  }
  await tx.$executeRawUnsafe(`INSERT INTO recon_items (item_key, order_id, merchant_reference, store_id, amount_value, currency, occurred_at,
      status, method, confidence, reason, evidence, paid_value, updated_at)
    SELECT item_key, order_id, merchant_reference, store_id, amount_value, currency, occurred_at, status, method, confidence, reason,
      evidence, paid_value, now() FROM s_items
    ON CONFLICT (item_key) DO UPDATE SET order_id = EXCLUDED.order_id, merchant_reference = EXCLUDED.merchant_reference,
      store_id = EXCLUDED.store_id, amount_value = EXCLUDED.amount_value, currency = EXCLUDED.currency, occurred_at = EXCLUDED.occurred_at,
      status = EXCLUDED.status, method = EXCLUDED.method, confidence = EXCLUDED.confidence, reason = EXCLUDED.reason,
      evidence = EXCLUDED.evidence, paid_value = EXCLUDED.paid_value, updated_at = now()`);
}
