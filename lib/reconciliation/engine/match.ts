// The matching itself, the same for full and partial runs once s_orders, s_pay and s_receipts hold what the run
// looks at: exact links, standalone units, the one-to-one assignment, then one result row per order and per
// payment without an order, written into `target`.
import { ASSIGN_PRUNE_SQL, ASSIGN_ROUND_SQL, ASSIGN_SETUP_SQL } from "./sql-assign";
import { LINK_SQL, UNITS_SQL } from "./sql-gather";
import { itemsSql } from "./sql-items";
import { exec, execAll, type Timings, type Tx } from "./exec";
import type { MatchSettings } from "./settings";

const MAX_ROUNDS = 20;

/** Runs the matching steps; returns the number of assignment rounds. */
export async function matchInto(
  tx: Tx,
  target: string,
  whole: boolean,
  settings: MatchSettings,
  timings: Timings,
): Promise<number> {
  await execAll(tx, LINK_SQL, [], timings);
  await execAll(tx, UNITS_SQL, [], timings);
  const assignParams = [
    settings.closeSeconds,
    settings.windowMinutes,
    Math.max(settings.windowMinutes, settings.outageWindowMinutes),
  ];
  await execAll(tx, ASSIGN_SETUP_SQL, assignParams, timings);
  let rounds = 0;
  while (rounds < MAX_ROUNDS) {
    rounds++;
    const assigned = await exec(tx, ASSIGN_ROUND_SQL, [], timings);
    if (assigned === 0) break;
    await execAll(tx, ASSIGN_PRUNE_SQL, [], timings);
  }
  await execAll(tx, itemsSql(target, whole), [settings.graceMinutes], timings);
  return rounds;
}

export async function countByStatus(tx: Tx, table: string): Promise<Record<string, number>> {
  const counts = await tx.$queryRawUnsafe<{ status: string; n: bigint }[]>(
    `SELECT status::text AS status, count(*) AS n FROM ${table} GROUP BY status`,
  );
  return Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
}

export async function countOrders(tx: Tx): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM s_orders`);
  return Number(rows[0]?.n ?? 0);
}
