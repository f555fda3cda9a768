// Step 1 of a matching run: the orders, payments and receipts it looks at, into temporary tables, and the exact
// links between them. A full run takes everything; a partial run starts from its scope (s_refs, s_psps, s_windows;
// see sql-scope.ts) and closes it over the exact keys, so no payment in scope is judged without the orders that
// could claim it.

const SAME_ACCOUNT = `(o.account IS NULL OR o.account = p.account)`;
/**
 * A payment (p) may pay an order (o) by its merchant or PSP reference only in the order's own store. A payment whose
 * store is unknown has no store to check: only an order finance or an admin wrote may claim it (a store manager or a
 * store's POS token naming its reference would take another store's money into theirs).
 */
const COMPATIBLE = `(p.store_id = o.store_id OR (p.store_id IS NULL AND o.claims_unknown)) AND ${SAME_ACCOUNT}`;
/** A payment made through one of our payment links belongs to the link's store (joined below), whatever its own says. */
const LINK_COMPATIBLE = `(p.store_id IS NULL OR p.store_id = o.store_id) AND ${SAME_ACCOUNT}`;

const ORDER_COLUMNS = `o.id, o.merchant_reference, o.store_id, st.merchant_account AS account, o.amount_value, o.currency,
  o.ordered_at, o.terminal_id, o.psp_reference, o.claims_unknown_store AS claims_unknown`;

// Successful authorisations are the only evidence of payment; a cancellation before capture voids one. The store
// is the one the webhook names, else the terminal's (a terminal payment often names none).
const PAY_COLUMNS = `e.id, e.psp_reference, NULLIF(e.merchant_reference, '') AS mref, e.payment_link_id, e.amount_value,
  e.currency, COALESCE(e.event_date, e.received_at) AS at, COALESCE(e.store_id, t.store_id) AS store_id, e.terminal_id,
  e.tender_reference, e.merchant_account_code AS account,
  e.psp_reference IN (SELECT v.original_reference FROM payment_events v WHERE v.success AND v.original_reference IS NOT NULL
    AND v.event_code IN ('CANCELLATION', 'TECHNICAL_CANCEL', 'CANCEL_OR_REFUND', 'AUTHORISATION_ADJUSTMENT_CANCELLED')) AS reversed`;
const PAY_FROM = `payment_events e LEFT JOIN terminals t ON e.store_id IS NULL AND t.id = e.terminal_id`;
const IS_PAYMENT = `e.event_code = 'AUTHORISATION' AND e.success`;

const RECEIPT_COLUMNS = `r.id, r.store_id, r.terminal_id, r.amount_value, r.currency, r.transacted_at AS at, r.psp_reference, r.tender_reference,
  r.claims_unknown_store AS claims_unknown`;

// Rows of a table found through a window: by store and amount, by store, or by time alone (each an index range).
const inWindows = (table: string, alias: string, time: string) => `
  SELECT ${alias}.id FROM s_windows w JOIN ${table} ${alias} ON ${alias}.store_id = w.store_id AND ${alias}.amount_value = w.amount_value
    AND ${alias}.currency = w.currency AND ${alias}.${time} BETWEEN w.from_at AND w.to_at
    WHERE w.store_id IS NOT NULL AND w.amount_value IS NOT NULL
  UNION SELECT ${alias}.id FROM s_windows w JOIN ${table} ${alias} ON ${alias}.store_id = w.store_id AND ${alias}.${time} BETWEEN w.from_at AND w.to_at
    WHERE w.store_id IS NOT NULL AND w.amount_value IS NULL
  UNION SELECT ${alias}.id FROM s_windows w JOIN ${table} ${alias} ON ${alias}.${time} BETWEEN w.from_at AND w.to_at WHERE w.store_id IS NULL`;

const ordersByKeys = (refs: string, psps: string, links: string) => `
  SELECT o.id FROM pos_orders o WHERE o.merchant_reference IN (${refs})
  UNION SELECT o.id FROM pos_orders o WHERE o.psp_reference IN (${psps})
  UNION SELECT o.id FROM pos_orders o JOIN payment_links l ON l.reference = o.merchant_reference AND l.store_id = o.store_id
    WHERE l.adyen_id IN (${links})`;

const paymentsByKeys = `
  SELECT e.id FROM payment_events e WHERE e.merchant_reference IN (SELECT merchant_reference FROM s_orders)
  UNION SELECT e.id FROM payment_events e WHERE e.psp_reference IN (SELECT psp_reference FROM s_orders WHERE psp_reference IS NOT NULL)
  UNION SELECT e.id FROM payment_events e WHERE e.payment_link_id IN
    (SELECT l.adyen_id FROM payment_links l JOIN s_orders o ON l.reference = o.merchant_reference AND l.store_id = o.store_id)`;

// A full run joins whole tables (hash joins need no index); a partial run probes small tables many times.
const ANALYZE_TABLES = [`ANALYZE s_orders`, `ANALYZE s_pay`, `ANALYZE s_receipts`];
const INDEX_TABLES = [
  `CREATE UNIQUE INDEX ON s_orders (id)`,
  `CREATE INDEX ON s_orders (merchant_reference)`,
  `CREATE UNIQUE INDEX ON s_pay (id)`,
  `CREATE INDEX ON s_pay (psp_reference)`,
  `CREATE INDEX ON s_pay (mref)`,
  `CREATE UNIQUE INDEX ON s_receipts (id)`,
  `CREATE INDEX ON s_receipts (psp_reference)`,
  `CREATE INDEX ON s_receipts (tender_reference)`,
  ...ANALYZE_TABLES,
];

export const GATHER_FULL_SQL: string[] = [
  `CREATE TEMP TABLE s_orders ON COMMIT DROP AS SELECT ${ORDER_COLUMNS} FROM pos_orders o JOIN stores st ON st.id = o.store_id`,
  `CREATE TEMP TABLE s_pay ON COMMIT DROP AS SELECT ${PAY_COLUMNS} FROM ${PAY_FROM} WHERE ${IS_PAYMENT}`,
  `CREATE TEMP TABLE s_receipts ON COMMIT DROP AS SELECT ${RECEIPT_COLUMNS} FROM standalone_receipts r`,
  `CREATE INDEX ON s_receipts (psp_reference)`,
  `CREATE INDEX ON s_receipts (tender_reference)`,
  ...ANALYZE_TABLES,
];

// A partial run's scope is a few rows, but PostgreSQL cannot know how few: new temporary tables have no statistics,
// and a time window's width is a parameter. Asked for the orders or payments whose ids are in a union of lookups,
// it expects a large part of the table and scans all of it (0.7 s of CPU for a scope of one change, measured).
// So the ids are collected first, each lookup through its index, and counted (ANALYZE of a few rows: under a
// millisecond) before the rows themselves are read by id.
export const GATHER_PARTIAL_SQL: string[] = [
  `ANALYZE s_refs, s_psps, s_windows`,
  `CREATE TEMP TABLE s_order_ids ON COMMIT DROP AS
     ${ordersByKeys("SELECT ref FROM s_refs", "SELECT psp FROM s_psps", "SELECT NULL::text WHERE false")}
     UNION ${inWindows("pos_orders", "o", "ordered_at")}`,
  `ANALYZE s_order_ids`,
  `CREATE TEMP TABLE s_orders ON COMMIT DROP AS SELECT ${ORDER_COLUMNS} FROM pos_orders o JOIN stores st ON st.id = o.store_id
     WHERE o.id IN (SELECT id FROM s_order_ids)`,
  `ANALYZE s_orders`,
  `CREATE TEMP TABLE s_pay_ids ON COMMIT DROP AS
     ${paymentsByKeys}
     UNION SELECT e.id FROM payment_events e WHERE e.merchant_reference IN (SELECT ref FROM s_refs)
     UNION SELECT e.id FROM payment_events e WHERE e.psp_reference IN (SELECT psp FROM s_psps)
     UNION ${inWindows("payment_events", "e", "event_date")}`,
  `ANALYZE s_pay_ids`,
  `CREATE TEMP TABLE s_pay ON COMMIT DROP AS SELECT ${PAY_COLUMNS} FROM ${PAY_FROM} WHERE ${IS_PAYMENT}
     AND e.id IN (SELECT id FROM s_pay_ids)`,
  `ANALYZE s_pay`,
  // Closure: every order that could claim a payment in scope, and every payment those orders could claim.
  `INSERT INTO s_orders SELECT ${ORDER_COLUMNS} FROM pos_orders o JOIN stores st ON st.id = o.store_id
     WHERE o.id IN (${ordersByKeys(
       "SELECT mref FROM s_pay WHERE mref IS NOT NULL",
       "SELECT psp_reference FROM s_pay",
       "SELECT payment_link_id FROM s_pay WHERE payment_link_id IS NOT NULL",
     )}) AND o.id NOT IN (SELECT id FROM s_orders)`,
  `INSERT INTO s_pay SELECT ${PAY_COLUMNS} FROM ${PAY_FROM} WHERE ${IS_PAYMENT}
     AND e.id IN (${paymentsByKeys}) AND e.id NOT IN (SELECT id FROM s_pay)`,
  `CREATE TEMP TABLE s_receipts ON COMMIT DROP AS SELECT ${RECEIPT_COLUMNS} FROM standalone_receipts r WHERE r.id IN (
     SELECT r.id FROM standalone_receipts r WHERE r.psp_reference IN (SELECT psp_reference FROM s_pay UNION SELECT psp FROM s_psps)
     UNION SELECT r.id FROM standalone_receipts r JOIN s_pay p ON r.tender_reference = p.tender_reference
     UNION ${inWindows("standalone_receipts", "r", "transacted_at")})`,
  ...INDEX_TABLES,
];

// A link carries what its result row needs of the order and the payment, so the rows are written from the links
// alone, without joining a million orders and payments a second time.
const LINK_FIELDS = `o.merchant_reference, o.store_id, o.amount_value AS o_amount, o.currency AS o_currency, o.ordered_at,
  p.psp_reference, p.amount_value AS p_amount, p.currency AS p_currency, p.reversed`;

export const LINK_SQL: string[] = [
  // Exact keys, each pair once under its most specific key: payment link id, merchant reference, PSP reference the
  // POS recorded. Built disjoint by construction, so no sort over a million pairs is needed to drop repeats.
  `CREATE TEMP TABLE s_link ON COMMIT DROP AS
     SELECT o.id AS order_id, p.id AS event_id, 1 AS prio, ${LINK_FIELDS}
       FROM s_orders o JOIN payment_links l ON l.reference = o.merchant_reference AND l.store_id = o.store_id
       JOIN s_pay p ON p.payment_link_id = l.adyen_id WHERE ${LINK_COMPATIBLE}
     UNION ALL
     SELECT o.id, p.id, 2, ${LINK_FIELDS} FROM s_orders o JOIN s_pay p ON p.mref = o.merchant_reference
       WHERE ${COMPATIBLE} AND (p.payment_link_id IS NULL OR NOT EXISTS (SELECT 1 FROM payment_links l
         WHERE l.adyen_id = p.payment_link_id AND l.reference = o.merchant_reference AND l.store_id = o.store_id))
     UNION ALL
     SELECT o.id, p.id, 3, ${LINK_FIELDS} FROM s_orders o JOIN s_pay p ON p.psp_reference = o.psp_reference
       WHERE o.psp_reference IS NOT NULL AND ${COMPATIBLE} AND p.mref IS DISTINCT FROM o.merchant_reference AND (p.payment_link_id IS NULL OR NOT EXISTS (
         SELECT 1 FROM payment_links l WHERE l.adyen_id = p.payment_link_id AND l.reference = o.merchant_reference AND l.store_id = o.store_id))`,
  // Finance has the last word: a pair it rejected is no link, and a payment it gave to one order is no other's.
  `DELETE FROM s_link k USING match_decisions d
     WHERE d.active AND d.evidence_kind = 'event' AND d.evidence_id = k.event_id
       AND ((d.decision = 'rejected' AND d.order_id = k.order_id) OR (d.decision IN ('confirmed', 'manual') AND d.order_id <> k.order_id))`,
  `ANALYZE s_link`,
  // A payment that several orders claim pays none of them until finance decides.
  `CREATE TEMP TABLE s_contested ON COMMIT DROP AS SELECT event_id FROM s_link GROUP BY event_id HAVING count(*) > 1`,
  // What no exact key settled, computed once: payments no order claims, and orders that claim no payment.
  `CREATE TEMP TABLE s_free ON COMMIT DROP AS
     SELECT p.* FROM s_pay p WHERE NOT p.reversed AND NOT EXISTS (SELECT 1 FROM s_link k WHERE k.event_id = p.id)`,
  `CREATE TEMP TABLE s_open ON COMMIT DROP AS
     SELECT o.* FROM s_orders o WHERE NOT EXISTS (SELECT 1 FROM s_link k WHERE k.order_id = o.id)`,
  `CREATE UNIQUE INDEX ON s_open (id)`,
  `ANALYZE s_free`,
  `ANALYZE s_open`,
];

/**
 * Standalone units: a payment no order claims by an exact key. Its reference (none, one the terminal made up, the
 * tender reference…) is not relied on; what counts is that it is a terminal payment, or tied to a receipt staff
 * entered, or carries no reference at all. A receipt is tied to a payment by PSP reference, or by tender reference on
 * the same terminal, and only within the payment's store: a receipt cannot move a payment into another store, and
 * only one finance or an admin entered may give a payment of unknown store a store.
 */
export const UNITS_SQL: string[] = [
  `CREATE TEMP TABLE s_units ON COMMIT DROP AS
     SELECT 'event:' || p.id AS unit_key, p.id * 3 + 1 AS item_id, p.id AS event_id, r.id AS receipt_id,
            COALESCE(p.store_id, r.store_id) AS store_id, p.currency, p.amount_value,
            COALESCE(r.at, p.at) AS at, COALESCE(r.terminal_id, p.terminal_id) AS terminal_id, p.psp_reference
     FROM s_free p
     LEFT JOIN LATERAL (
       SELECT c.* FROM (
         (SELECT r.id, r.store_id, r.at, r.terminal_id, r.claims_unknown FROM s_receipts r WHERE r.psp_reference = p.psp_reference ORDER BY r.id LIMIT 1)
         UNION ALL
         (SELECT r.id, r.store_id, r.at, r.terminal_id, r.claims_unknown FROM s_receipts r
          WHERE p.tender_reference IS NOT NULL AND r.tender_reference = p.tender_reference AND r.terminal_id IS NOT DISTINCT FROM p.terminal_id
          ORDER BY r.id LIMIT 1)) c
       WHERE c.store_id = p.store_id OR (p.store_id IS NULL AND c.claims_unknown)
       ORDER BY c.id LIMIT 1) r ON true
     WHERE p.mref IS NULL OR p.terminal_id IS NOT NULL OR r.id IS NOT NULL
     UNION ALL
     SELECT 'receipt:' || r.id, r.id * 3 + 2, NULL, r.id, r.store_id, r.currency, r.amount_value, r.at, r.terminal_id, r.psp_reference
     FROM s_receipts r
     WHERE NOT EXISTS (SELECT 1 FROM payment_events e WHERE e.psp_reference = r.psp_reference AND e.event_code = 'AUTHORISATION' AND e.success)
       AND NOT EXISTS (SELECT 1 FROM payment_events e WHERE r.tender_reference IS NOT NULL AND e.tender_reference = r.tender_reference
                       AND e.terminal_id IS NOT DISTINCT FROM r.terminal_id AND e.event_code = 'AUTHORISATION' AND e.success)`,
  `CREATE UNIQUE INDEX ON s_units (unit_key)`,
  `CREATE INDEX ON s_units (store_id, currency, amount_value, at)`,
  `ANALYZE s_units`,
];
