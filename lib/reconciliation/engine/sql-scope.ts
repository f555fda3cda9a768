// The scope of a partial run as three temporary tables: s_refs (merchant references), s_psps (PSP references) and
// s_windows (store, currency, amount, time span; NULL store or amount means every one). Filled either from the
// parameters of an explicit scope or from a batch of pending queue entries (s_claimed).

const SCOPE_TABLES = [
  `CREATE TEMP TABLE s_refs (ref text PRIMARY KEY) ON COMMIT DROP`,
  `CREATE TEMP TABLE s_psps (psp text PRIMARY KEY) ON COMMIT DROP`,
  `CREATE TEMP TABLE s_windows (store_id text, currency text, amount_value bigint, from_at timestamptz NOT NULL,
     to_at timestamptz NOT NULL) ON COMMIT DROP`,
];

/** An explicit scope: each statement with its one parameter (references, PSP references, windows as JSON). */
export const EXPLICIT_SCOPE_SQL = {
  tables: SCOPE_TABLES,
  refs: `INSERT INTO s_refs SELECT DISTINCT unnest($1::text[])`,
  psps: `INSERT INTO s_psps SELECT DISTINCT unnest($1::text[])`,
  windows: `INSERT INTO s_windows SELECT w."storeId", w.currency, w."amountValue", w."from", w."to"
     FROM jsonb_to_recordset($1::jsonb) AS w("storeId" text, currency text, "amountValue" bigint, "from" timestamptz, "to" timestamptz)`,
};

/**
 * Claims the oldest pending entries (the caller holds the partial-run
 * lock, so no other run claims them meanwhile) and turns them into a scope. An event whose reference names an
 * order needs no time window: the exact key finds everything it affects. Windows of one store, currency and amount
 * that overlap are merged (gaps and islands), so a burst of changes becomes a few index ranges.
 */
export const QUEUE_SCOPE_SQL = {
  /** $1 batch size. */
  claim: `CREATE TEMP TABLE s_claimed ON COMMIT DROP AS
     SELECT * FROM recon_queue WHERE done_at IS NULL ORDER BY id LIMIT $1`,
  keys: [
    ...SCOPE_TABLES,
    `INSERT INTO s_refs SELECT DISTINCT merchant_reference FROM s_claimed WHERE merchant_reference IS NOT NULL`,
    `INSERT INTO s_psps SELECT DISTINCT psp_reference FROM s_claimed WHERE psp_reference IS NOT NULL`,
  ],
  /** $1 margin in milliseconds. */
  windows: `INSERT INTO s_windows
     WITH w AS (
       SELECT COALESCE(q.store_id, t.store_id) AS store_id, q.currency, q.amount_value,
              q.at_from - make_interval(secs => $1::float8 / 1000) AS f, q.at_to + make_interval(secs => $1::float8 / 1000) AS t
       FROM s_claimed q LEFT JOIN terminals t ON q.store_id IS NULL AND t.id = q.terminal_id
       WHERE q.at_from IS NOT NULL AND COALESCE(q.store_id, t.store_id) IS NOT NULL
         AND (q.source <> 'event' OR q.merchant_reference IS NULL
              OR NOT EXISTS (SELECT 1 FROM pos_orders o WHERE o.merchant_reference = q.merchant_reference))),
     o AS (
       SELECT *, max(t) OVER (PARTITION BY store_id, currency, amount_value ORDER BY f
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach FROM w),
     g AS (
       SELECT *, count(*) FILTER (WHERE reach IS NULL OR f > reach)
                   OVER (PARTITION BY store_id, currency, amount_value ORDER BY f ROWS UNBOUNDED PRECEDING) AS island FROM o)
     SELECT store_id, currency, amount_value, min(f), max(t) FROM g GROUP BY store_id, currency, amount_value, island`,
};
