// Step 1 of a matching run: gather the orders and the evidence in scope into temporary tables.
// Parameters of every statement: $1 full run?, $2 from, $3 to, $4 merchant references (text[]).

export const IN_RANGE = (col: string) => `($1 OR ${col} BETWEEN $2 AND $3)`;

export const GATHER_SQL: string[] = [
  `CREATE TEMP TABLE s_orders ON COMMIT DROP AS
     SELECT o.id, o.merchant_reference, o.store_id, o.amount_value, o.currency, o.ordered_at, o.terminal_id, o.psp_reference
     FROM pos_orders o
     WHERE ${IN_RANGE("o.ordered_at")} OR o.merchant_reference = ANY($4)`,
  `CREATE UNIQUE INDEX ON s_orders (id)`,
  `CREATE INDEX ON s_orders (merchant_reference)`,
  `ANALYZE s_orders`,

  // Successful authorisations are the only evidence of payment. Cancellations before capture void one.
  `CREATE TEMP TABLE s_pay ON COMMIT DROP AS
     SELECT e.id, e.psp_reference, NULLIF(e.merchant_reference, '') AS mref, e.payment_link_id, e.amount_value, e.currency,
            COALESCE(e.event_date, e.received_at) AS at, e.store_id, e.terminal_id, e.tender_reference, false AS reversed
     FROM payment_events e
     WHERE e.event_code = 'AUTHORISATION' AND e.success
       AND ($1 OR COALESCE(e.event_date, e.received_at) BETWEEN $2 AND $3
            OR NULLIF(e.merchant_reference, '') IN (SELECT merchant_reference FROM s_orders)
            OR e.psp_reference IN (SELECT psp_reference FROM s_orders WHERE psp_reference IS NOT NULL)
            OR e.payment_link_id IN (SELECT l.adyen_id FROM payment_links l JOIN s_orders o ON o.merchant_reference = l.reference))`,
  `CREATE INDEX ON s_pay (psp_reference)`,
  `CREATE INDEX ON s_pay (mref)`,
  `ANALYZE s_pay`,
  `UPDATE s_pay p SET reversed = true
     WHERE EXISTS (SELECT 1 FROM payment_events m
                   WHERE m.original_reference = p.psp_reference AND m.success
                     AND m.event_code IN ('CANCELLATION', 'TECHNICAL_CANCEL', 'CANCEL_OR_REFUND', 'AUTHORISATION_ADJUSTMENT_CANCELLED'))`,

  // Exact keys: merchant reference, payment link id → link reference, PSP reference the POS recorded.
  `CREATE TEMP TABLE s_link ON COMMIT DROP AS
     SELECT DISTINCT ON (order_id, event_id) order_id, event_id, method FROM (
       SELECT o.id AS order_id, p.id AS event_id, 'payment_link' AS method, 1 AS prio
         FROM s_orders o JOIN payment_links l ON l.reference = o.merchant_reference JOIN s_pay p ON p.payment_link_id = l.adyen_id
       UNION ALL
       SELECT o.id, p.id, 'merchant_reference', 2 FROM s_orders o JOIN s_pay p ON p.mref = o.merchant_reference
       UNION ALL
       SELECT o.id, p.id, 'psp_reference', 3 FROM s_orders o JOIN s_pay p ON p.psp_reference = o.psp_reference
     ) x ORDER BY order_id, event_id, prio`,
  `CREATE INDEX ON s_link (order_id)`,
  `CREATE INDEX ON s_link (event_id)`,
  `ANALYZE s_link`,

  // Standalone units: a payment without a POS reference (its webhook, the receipt staff entered, or both).
  `CREATE TEMP TABLE s_units ON COMMIT DROP AS
     SELECT 'event:' || p.id AS unit_key, p.id AS event_id, r.id AS receipt_id,
            COALESCE(r.store_id, p.store_id) AS store_id, p.currency, p.amount_value,
            COALESCE(r.transacted_at, p.at) AS at, COALESCE(r.terminal_id, p.terminal_id) AS terminal_id, p.psp_reference
     FROM s_pay p
     LEFT JOIN LATERAL (
       -- Two indexed probes instead of one OR, which PostgreSQL could only answer by scanning every receipt.
       SELECT * FROM (
         (SELECT r.id, r.store_id, r.transacted_at, r.terminal_id FROM standalone_receipts r
          WHERE r.psp_reference = p.psp_reference ORDER BY r.id LIMIT 1)
         UNION ALL
         (SELECT r.id, r.store_id, r.transacted_at, r.terminal_id FROM standalone_receipts r
          WHERE p.tender_reference IS NOT NULL AND r.tender_reference = p.tender_reference AND r.terminal_id IS NOT DISTINCT FROM p.terminal_id
          ORDER BY r.id LIMIT 1)) c
       ORDER BY c.id LIMIT 1) r ON true
     WHERE p.mref IS NULL AND NOT p.reversed AND NOT EXISTS (SELECT 1 FROM s_link k WHERE k.event_id = p.id)
     UNION ALL
     SELECT 'receipt:' || r.id, NULL, r.id, r.store_id, r.currency, r.amount_value, r.transacted_at, r.terminal_id, r.psp_reference
     FROM standalone_receipts r
     WHERE ${IN_RANGE("r.transacted_at")}
       AND NOT EXISTS (SELECT 1 FROM payment_events e
                       WHERE e.psp_reference = r.psp_reference AND e.event_code = 'AUTHORISATION' AND e.success)
       AND NOT EXISTS (SELECT 1 FROM payment_events e
                       WHERE r.tender_reference IS NOT NULL AND e.tender_reference = r.tender_reference
                         AND e.terminal_id IS NOT DISTINCT FROM r.terminal_id AND e.event_code = 'AUTHORISATION' AND e.success)`,
  `CREATE UNIQUE INDEX ON s_units (unit_key)`,
  `CREATE INDEX ON s_units (store_id, currency, amount_value, at)`,
  `ANALYZE s_units`,
];
