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

// What a queue entry weighs: the rows of its id range (an upper bound), or one when it carries its keys itself.
export const ENTRY_ROWS = "COALESCE(id_to - id_from + 1, 1)";

// The keys of the claimed entries, one row per changed row: read from the rows of an entry's id range (see the
// migration recon_queue_ranges), or carried by the entry itself (outages, links, what an updated order was before).
const CHANGES_SQL = `CREATE TEMP TABLE s_changes ON COMMIT DROP AS
  SELECT source, merchant_reference, psp_reference, store_id, terminal_id, currency::text, amount_value, at_from, at_to
    FROM s_claimed WHERE id_from IS NULL
  UNION ALL
  SELECT 'event', NULLIF(e.merchant_reference, ''), COALESCE(e.original_reference, e.psp_reference), e.store_id, e.terminal_id,
         e.currency, e.amount_value, COALESCE(e.event_date, e.received_at), COALESCE(e.event_date, e.received_at)
    FROM s_claimed q JOIN payment_events e ON e.id BETWEEN q.id_from AND q.id_to WHERE q.source = 'event'
  UNION ALL
  SELECT 'order', o.merchant_reference, o.psp_reference, o.store_id, o.terminal_id, o.currency, o.amount_value, o.ordered_at, o.ordered_at
    FROM s_claimed q JOIN pos_orders o ON o.id BETWEEN q.id_from AND q.id_to WHERE q.source = 'order'
  UNION ALL
  SELECT 'receipt', NULL, r.psp_reference, r.store_id, r.terminal_id, r.currency, r.amount_value, r.transacted_at, r.transacted_at
    FROM s_claimed q JOIN standalone_receipts r ON r.id BETWEEN q.id_from AND q.id_to WHERE q.source = 'receipt'
  UNION ALL
  SELECT 'settlement', l.merchant_reference, l.psp_reference, NULL, NULL, NULL, NULL, NULL, NULL
    FROM s_claimed q JOIN settlement_lines l ON l.id BETWEEN q.id_from AND q.id_to
    WHERE q.source = 'settlement' AND (l.merchant_reference IS NOT NULL OR l.psp_reference IS NOT NULL)
  UNION ALL
  -- A decision touches its order and its evidence (which may have been another order's until now).
  SELECT 'decision', o.merchant_reference, o.psp_reference, o.store_id, o.terminal_id, o.currency, o.amount_value, o.ordered_at, o.ordered_at
    FROM s_claimed q JOIN match_decisions d ON d.id BETWEEN q.id_from AND q.id_to JOIN pos_orders o ON o.id = d.order_id
    WHERE q.source = 'decision'
  UNION ALL
  SELECT 'decision', NULLIF(e.merchant_reference, ''), e.psp_reference, e.store_id, e.terminal_id, e.currency, e.amount_value,
         COALESCE(e.event_date, e.received_at), COALESCE(e.event_date, e.received_at)
    FROM s_claimed q JOIN match_decisions d ON d.id BETWEEN q.id_from AND q.id_to
    JOIN payment_events e ON d.evidence_kind = 'event' AND e.id = d.evidence_id WHERE q.source = 'decision'
  UNION ALL
  SELECT 'decision', NULL, r.psp_reference, r.store_id, r.terminal_id, r.currency, r.amount_value, r.transacted_at, r.transacted_at
    FROM s_claimed q JOIN match_decisions d ON d.id BETWEEN q.id_from AND q.id_to
    JOIN standalone_receipts r ON d.evidence_kind = 'receipt' AND r.id = d.evidence_id WHERE q.source = 'decision'`;

/**
 * Claims the oldest pending entries, up to about `$1` changed rows (the caller holds the partial-run lock, so no
 * other run claims them meanwhile), and turns them into a scope. An event whose reference names an order needs no
 * time window: the exact key finds everything it affects. Windows of one store, currency and amount that overlap
 * are merged (gaps and islands), so a burst of changes becomes a few index ranges.
 */
export const QUEUE_SCOPE_SQL = {
  /** $1 batch size in rows: entries in queue order while the rows before them are fewer (at least one entry). */
  claim: `CREATE TEMP TABLE s_claimed ON COMMIT DROP AS
     SELECT * FROM (
       SELECT q.*, sum(${ENTRY_ROWS}) OVER (ORDER BY q.id) - ${ENTRY_ROWS} AS rows_before
       FROM (SELECT * FROM recon_queue WHERE done_at IS NULL ORDER BY id LIMIT $1) q) c
     WHERE rows_before < $1`,
  /** One row per changed row of the claimed entries; its row count is the number of changes the batch covers. */
  changes: CHANGES_SQL,
  keys: [
    ...SCOPE_TABLES,
    `INSERT INTO s_refs SELECT DISTINCT merchant_reference FROM s_changes WHERE merchant_reference IS NOT NULL`,
    `INSERT INTO s_psps SELECT DISTINCT psp_reference FROM s_changes WHERE psp_reference IS NOT NULL`,
  ],
  /** $1 margin in milliseconds. */
  windows: `INSERT INTO s_windows
     WITH w AS (
       SELECT COALESCE(q.store_id, t.store_id) AS store_id, q.currency, q.amount_value,
              q.at_from - make_interval(secs => $1::float8 / 1000) AS f, q.at_to + make_interval(secs => $1::float8 / 1000) AS t
       FROM s_changes q LEFT JOIN terminals t ON q.store_id IS NULL AND t.id = q.terminal_id
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
