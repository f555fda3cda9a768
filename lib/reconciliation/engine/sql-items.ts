// Step 3: turn links, assignments and candidates into one result row per order, plus one per payment without
// an order. Reasons are codes; the UI words them in the user's language. Parameter: $1 grace minutes.
// Row ids are derived from what the row stands for (see schema.prisma), so they survive every run.

// A standalone unit's evidence: its webhook and/or the receipt staff entered.
const UNIT_EVIDENCE = `(SELECT COALESCE(jsonb_agg(x), '[]') FROM unnest(ARRAY[
    CASE WHEN u.event_id IS NOT NULL THEN jsonb_build_object('kind', 'event', 'id', u.event_id::text, 'pspReference', u.psp_reference, 'role', 'payment') END,
    CASE WHEN u.receipt_id IS NOT NULL THEN jsonb_build_object('kind', 'receipt', 'id', u.receipt_id::text, 'pspReference', u.psp_reference, 'role', 'receipt') END
  ]) AS x WHERE x IS NOT NULL)`;

const METHOD_NAME = (prio: string) =>
  `(CASE ${prio} WHEN 1 THEN 'payment_link' WHEN 2 THEN 'merchant_reference' ELSE 'psp_reference' END)`;

export const ITEM_COLUMNS =
  "id, item_key, order_id, merchant_reference, store_id, amount_value, currency, occurred_at, status, method, confidence, reason, evidence, paid_value";

const ORDER_KEY = `o.id * 3, 'order:' || o.id, o.id, o.merchant_reference, o.store_id, o.amount_value, o.currency, o.ordered_at`;

/** Where a partial run collects its results before they replace the old ones of its scope. */
export const ITEMS_TABLE_SQL = `CREATE TEMP TABLE s_items (
     id bigint NOT NULL, item_key text NOT NULL, order_id bigint, merchant_reference text, store_id text, amount_value bigint,
     currency text, occurred_at timestamptz NOT NULL, status "ReconStatus" NOT NULL, method "MatchMethod", confidence int NOT NULL,
     reason text NOT NULL, evidence jsonb NOT NULL DEFAULT '[]', paid_value bigint) ON COMMIT DROP`;

/** `whole`: a full run, which reads every modification and settlement line anyway; else only those of s_pay. */
export const itemsSql = (target: string, whole: boolean): string[] => [
  // Further evidence per order: modifications of its payments (refunds, cancellations, chargebacks…), settlement
  // lines and receipts, by PSP reference. Collected from the side of the extra rows, then joined once.
  `CREATE TEMP TABLE s_ev ON COMMIT DROP AS
     SELECT k.order_id, jsonb_agg(x.e) AS evidence FROM (
       SELECT m.original_reference AS psp, jsonb_build_object('kind', 'event', 'id', m.id::text, 'pspReference', m.psp_reference,
                                                             'role', lower(m.event_code), 'success', m.success) AS e
         FROM payment_events m WHERE m.original_reference IS NOT NULL
         ${whole ? "" : "AND m.original_reference IN (SELECT psp_reference FROM s_pay)"}
       UNION ALL
       SELECT s.psp_reference, jsonb_build_object('kind', 'settlement', 'id', s.id::text, 'pspReference', s.psp_reference, 'role', s.type)
         FROM settlement_lines s WHERE s.psp_reference IS NOT NULL
         ${whole ? "" : "AND s.psp_reference IN (SELECT psp_reference FROM s_pay)"}
       UNION ALL
       SELECT r.psp_reference, jsonb_build_object('kind', 'receipt', 'id', r.id::text, 'pspReference', r.psp_reference, 'role', 'receipt')
         FROM s_receipts r WHERE r.psp_reference IS NOT NULL
     ) x JOIN s_link k ON k.psp_reference = x.psp
     GROUP BY k.order_id`,
  `CREATE UNIQUE INDEX ON s_ev (order_id)`,

  // Orders with exact evidence. Nearly every order has exactly one payment: those rows are built straight from
  // the join, and only orders with several payments go through an aggregate (over a million orders, grouping
  // each into a JSON array was most of a full run's time).
  `CREATE TEMP TABLE s_multi ON COMMIT DROP AS SELECT order_id FROM s_link GROUP BY order_id HAVING count(*) > 1`,
  `CREATE UNIQUE INDEX ON s_multi (order_id)`,
  `INSERT INTO ${target} (${ITEM_COLUMNS})
     SELECT k.order_id * 3, 'order:' || k.order_id, k.order_id, k.merchant_reference, k.store_id, k.o_amount, k.o_currency, k.ordered_at,
       (CASE WHEN c.event_id IS NOT NULL THEN 'suggested'
             WHEN k.reversed THEN 'mismatched'
             WHEN k.p_currency = k.o_currency AND k.p_amount = k.o_amount THEN 'matched'
             ELSE 'mismatched' END)::"ReconStatus",
       ${METHOD_NAME("k.prio")}::"MatchMethod",
       CASE WHEN c.event_id IS NOT NULL THEN 50 WHEN NOT k.reversed AND k.p_currency = k.o_currency AND k.p_amount = k.o_amount
            THEN 100 ELSE 90 END,
       CASE WHEN c.event_id IS NOT NULL THEN 'payment_claimed_twice'
            WHEN k.reversed THEN 'payment_voided'
            WHEN k.p_currency IS DISTINCT FROM k.o_currency THEN 'currency_differs'
            WHEN k.p_amount IS DISTINCT FROM k.o_amount THEN 'amount_differs'
            ELSE 'exact_' || ${METHOD_NAME("k.prio")} END,
       jsonb_build_array(jsonb_build_object('kind', 'event', 'id', k.event_id::text, 'pspReference', k.psp_reference,
                                            'role', CASE WHEN k.reversed THEN 'voided_payment' ELSE 'payment' END))
         || COALESCE(ev.evidence, '[]'),
       CASE WHEN k.reversed THEN NULL ELSE k.p_amount END
     FROM s_link k
     LEFT JOIN s_contested c ON c.event_id = k.event_id
     LEFT JOIN s_ev ev ON ev.order_id = k.order_id
     WHERE NOT EXISTS (SELECT 1 FROM s_multi m WHERE m.order_id = k.order_id)`,
  `INSERT INTO ${target} (${ITEM_COLUMNS})
     SELECT ${ORDER_KEY},
       (CASE WHEN a.contested THEN 'suggested'
             WHEN a.live >= 2 THEN 'duplicate'
             WHEN a.live = 0 THEN 'mismatched'
             WHEN a.currencies_ok AND a.live_value = o.amount_value THEN 'matched'
             ELSE 'mismatched' END)::"ReconStatus",
       ${METHOD_NAME("a.prio")}::"MatchMethod",
       CASE WHEN a.contested THEN 50 WHEN a.live = 1 AND a.currencies_ok AND a.live_value = o.amount_value THEN 100 ELSE 90 END,
       CASE WHEN a.contested THEN 'payment_claimed_twice'
            WHEN a.live >= 2 THEN 'paid_twice'
            WHEN a.live = 0 THEN 'payment_voided'
            WHEN NOT a.currencies_ok THEN 'currency_differs'
            WHEN a.live_value <> o.amount_value THEN 'amount_differs'
            ELSE 'exact_' || ${METHOD_NAME("a.prio")} END,
       a.payments || COALESCE(ev.evidence, '[]'), a.live_value
     FROM s_orders o
     JOIN (SELECT k.order_id,
                  count(*) FILTER (WHERE NOT p.reversed) AS live,
                  sum(p.amount_value) FILTER (WHERE NOT p.reversed) AS live_value,
                  bool_and(p.currency = o2.currency) FILTER (WHERE NOT p.reversed) IS NOT FALSE AS currencies_ok,
                  min(k.prio) AS prio,
                  bool_or(c.event_id IS NOT NULL) AS contested,
                  jsonb_agg(jsonb_build_object('kind', 'event', 'id', p.id::text, 'pspReference', p.psp_reference,
                                               'role', CASE WHEN p.reversed THEN 'voided_payment' ELSE 'payment' END)) AS payments
           FROM s_multi m JOIN s_link k ON k.order_id = m.order_id JOIN s_pay p ON p.id = k.event_id
           JOIN s_orders o2 ON o2.id = k.order_id LEFT JOIN s_contested c ON c.event_id = k.event_id
           GROUP BY k.order_id) a ON a.order_id = o.id
     LEFT JOIN s_ev ev ON ev.order_id = o.id`,

  // Orders assigned a standalone unit (by finance or by the heuristic).
  `INSERT INTO ${target} (${ITEM_COLUMNS})
     SELECT ${ORDER_KEY},
       (CASE WHEN a.decision IS NOT NULL OR a.score >= 2 THEN 'matched' ELSE 'suggested' END)::"ReconStatus",
       (CASE WHEN a.decision = 'manual' THEN 'manual' ELSE 'standalone_heuristic' END)::"MatchMethod",
       CASE WHEN a.decision IS NOT NULL THEN 100 ELSE 60 + 10 * a.score END,
       CASE WHEN a.decision IS NOT NULL THEN a.decision WHEN a.score >= 2 THEN 'standalone_unique' ELSE 'standalone_weak' END,
       ${UNIT_EVIDENCE},
       u.amount_value
     FROM s_assign a JOIN s_orders o ON o.id = a.order_id JOIN s_units u ON u.unit_key = a.unit_key`,

  // Orders with several equally good candidates left: for review, never guessed.
  `INSERT INTO ${target} (${ITEM_COLUMNS})
     SELECT ${ORDER_KEY},
       'suggested'::"ReconStatus", 'standalone_heuristic'::"MatchMethod", 40 + 10 * max(c.score) - 5 * least(count(*), 4)::int, 'standalone_tied',
       jsonb_agg(jsonb_build_object('kind', split_part(c.unit_key, ':', 1), 'id', split_part(c.unit_key, ':', 2),
                                    'pspReference', u.psp_reference, 'role', 'candidate', 'score', c.score) ORDER BY c.unit_key),
       NULL
     FROM s_cand c
     JOIN (SELECT order_id, max(score) AS m FROM s_cand GROUP BY order_id) best ON best.order_id = c.order_id AND c.score = best.m
     JOIN s_orders o ON o.id = c.order_id JOIN s_units u ON u.unit_key = c.unit_key
     GROUP BY o.id, o.merchant_reference, o.store_id, o.amount_value, o.currency, o.ordered_at`,

  // Orders without any evidence yet.
  `INSERT INTO ${target} (${ITEM_COLUMNS})
     SELECT ${ORDER_KEY},
       (CASE WHEN o.ordered_at > now() - make_interval(mins => $1::int) THEN 'expected' ELSE 'missing' END)::"ReconStatus",
       NULL::"MatchMethod", 0, CASE WHEN o.ordered_at > now() - make_interval(mins => $1::int) THEN 'within_grace' ELSE 'no_evidence' END, '[]', NULL
     FROM s_open o
     WHERE NOT EXISTS (SELECT 1 FROM s_assign a WHERE a.order_id = o.id)
       AND NOT EXISTS (SELECT 1 FROM s_cand c WHERE c.order_id = o.id)`,

  // Payments with a reference that no order (of their store) has, and that are no standalone unit. One paid through a
  // link created here, for an order number the POS has not sent yet (a link taken during an outage), is expected:
  // the order is on its way, and the link's id matches it when it arrives.
  `INSERT INTO ${target} (${ITEM_COLUMNS})
     SELECT p.id * 3 + 1, 'event:' || p.id, NULL, p.mref, p.store_id, p.amount_value, p.currency, p.at,
       (CASE WHEN l.id IS NULL THEN 'unexpected' ELSE 'expected' END)::"ReconStatus",
       NULL::"MatchMethod", 0, CASE WHEN l.id IS NULL THEN 'no_order_with_reference' ELSE 'link_paid_order_pending' END,
       jsonb_build_array(jsonb_build_object('kind', 'event', 'id', p.id::text, 'pspReference', p.psp_reference, 'role', 'payment')), p.amount_value
     FROM s_free p
     LEFT JOIN LATERAL (SELECT l.id FROM payment_links l WHERE l.adyen_id = p.payment_link_id AND l.reference = p.mref
                          AND (p.store_id IS NULL OR l.store_id = p.store_id) LIMIT 1) l ON true
     WHERE NOT EXISTS (SELECT 1 FROM s_units u WHERE u.event_id = p.id)`,

  // Standalone payments that no order claims, not even as a candidate.
  `INSERT INTO ${target} (${ITEM_COLUMNS})
     SELECT u.item_id, u.unit_key, NULL, NULL, u.store_id, u.amount_value, u.currency, u.at, 'unexpected'::"ReconStatus", NULL::"MatchMethod", 0,
       'no_order_standalone', ${UNIT_EVIDENCE}, u.amount_value
     FROM s_units u
     WHERE NOT EXISTS (SELECT 1 FROM s_assign a WHERE a.unit_key = u.unit_key)
       AND NOT EXISTS (SELECT 1 FROM s_cand c WHERE c.unit_key = u.unit_key)`,

  // A receipt entered in one store for a payment another store took: shown to finance, never matched.
  `INSERT INTO ${target} (${ITEM_COLUMNS})
     SELECT r.id * 3 + 2, 'receipt:' || r.id, NULL, NULL, r.store_id, r.amount_value, r.currency, r.at, 'unexpected'::"ReconStatus",
       NULL::"MatchMethod", 0, 'receipt_store_differs',
       jsonb_build_array(jsonb_build_object('kind', 'receipt', 'id', r.id::text, 'pspReference', r.psp_reference, 'role', 'receipt')), r.amount_value
     FROM s_receipts r
     WHERE EXISTS (SELECT 1 FROM s_pay p WHERE p.psp_reference = r.psp_reference AND p.store_id IS NOT NULL AND p.store_id <> r.store_id)
       AND NOT EXISTS (SELECT 1 FROM s_units u WHERE u.receipt_id = r.id)`,
];
