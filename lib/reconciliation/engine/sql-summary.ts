// recon_summary: recon_items counted by store-local day, store, status, method and currency (see schema.prisma).
// A full run counts its new table (and what partial runs changed meanwhile); a partial run adds the difference
// between the rows of its scope before and after it wrote them.

const KEY = (alias: string) => `(${alias}.occurred_at AT TIME ZONE COALESCE(st.timezone, 'UTC'))::date,
  COALESCE(${alias}.store_id, ''), ${alias}.status, COALESCE(${alias}.method::text, ''), COALESCE(${alias}.currency, '')`;
const COLUMNS = "day, store_id, status, method, currency, n, amount";

/**
 * A full run: the new table counted into s_sum, before partial runs are stopped for the swap. Counted by quarter hour
 * in UTC first, then each quarter's local day: the time zone is looked up once per group, not once per row (a
 * million lookups were most of the cost). Exact wherever the zone's offset is whole quarter hours, which holds for
 * every zone since 1972. A few thousand groups: hashed, not a sort of a million rows (the planner cannot tell).
 */
export const summaryBuildSql = (table: string): string[] => [
  `SET LOCAL enable_sort = off`,
  `CREATE TEMP TABLE s_sum (k1, k2, k3, k4, k5, n, amount) ON COMMIT DROP AS
     SELECT (q.quarter AT TIME ZONE COALESCE(st.timezone, 'UTC'))::date, COALESCE(q.store_id, ''), q.status,
            COALESCE(q.method::text, ''), COALESCE(q.currency, ''), sum(q.n), sum(q.amount)
     FROM (SELECT date_bin('15 minutes', r.occurred_at, timestamptz '2000-01-01 00:00:00+00') AS quarter, r.store_id, r.status,
                  r.method, r.currency, count(*) AS n, COALESCE(sum(r.amount_value), 0) AS amount
           FROM ${table} r GROUP BY 1, 2, 3, 4, 5) q
     LEFT JOIN stores st ON st.id = q.store_id GROUP BY 1, 2, 3, 4, 5`,
  `RESET enable_sort`,
];

/** …then, with partial runs stopped, the difference the rows they changed (s_late_ids, now s_late) make to `table`. */
export const summaryLateSql = (table: string): string[] => [
  `CREATE TEMP TABLE s_sum_late (k1, k2, k3, k4, k5, n, amount) ON COMMIT DROP AS
     SELECT ${KEY("l")}, 1 AS n, COALESCE(l.amount_value, 0) AS amount FROM s_late l LEFT JOIN stores st ON st.id = l.store_id
     UNION ALL
     SELECT ${KEY("b")}, -1, -COALESCE(b.amount_value, 0) FROM ${table} b LEFT JOIN stores st ON st.id = b.store_id
     WHERE b.id IN (SELECT id FROM s_late_ids)`,
];

/** The full run's counts replace recon_summary's (a few thousand rows, in the swap's transaction). */
export const SUMMARY_REPLACE_SQL: string[] = [
  `DELETE FROM recon_summary`,
  `INSERT INTO recon_summary (${COLUMNS})
     SELECT k1, k2, k3, k4, k5, sum(n), sum(amount) FROM (SELECT * FROM s_sum UNION ALL SELECT * FROM s_sum_late) d
     GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`,
];

/** Before a partial run writes: the rows it may change (its scope and its results). */
export const SUMMARY_BEFORE_SQL = `CREATE TEMP TABLE s_before ON COMMIT DROP AS
  SELECT r.id, r.occurred_at, r.store_id, r.status, r.method, r.currency, r.amount_value FROM recon_items r
  WHERE r.id IN (SELECT id FROM s_scope_ids UNION SELECT id FROM s_items)`;

/** After it wrote: add what is there now, subtract what was there before, drop keys that reached zero. */
export const SUMMARY_DELTA_SQL: string[] = [
  `INSERT INTO recon_summary AS t (${COLUMNS})
     SELECT k1, k2, k3, k4, k5, sum(n), sum(amount) FROM (
       SELECT ${KEY("r")}, 1 AS n, COALESCE(r.amount_value, 0) AS amount FROM recon_items r LEFT JOIN stores st ON st.id = r.store_id
       WHERE r.id IN (SELECT id FROM s_before UNION SELECT id FROM s_items)
       UNION ALL
       SELECT ${KEY("b")}, -1, -COALESCE(b.amount_value, 0) FROM s_before b LEFT JOIN stores st ON st.id = b.store_id
     ) d (k1, k2, k3, k4, k5, n, amount)
     GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(amount) <> 0
     ON CONFLICT (day, store_id, status, method, currency) DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount`,
  `DELETE FROM recon_summary WHERE n = 0`,
];
