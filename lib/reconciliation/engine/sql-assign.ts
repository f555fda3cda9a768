// Step 2: one-to-one assignment of standalone units to orders that have no exact evidence.
// Everything is defined on sets (no row is looked at "first"), so the result never depends on arrival order.
// Parameters: $1 close seconds, $2 window minutes, $3 outage window minutes.

export const ASSIGN_SETUP_SQL: string[] = [
  `CREATE TEMP TABLE s_assign (order_id bigint NOT NULL, unit_key text NOT NULL, score int NOT NULL, decision text) ON COMMIT DROP`,
  // Finance's confirmations and manual matches come first and are never re-decided by the heuristic.
  `INSERT INTO s_assign (order_id, unit_key, score, decision)
     SELECT DISTINCT ON (u.unit_key) o.id, u.unit_key, 3, d.decision
     FROM match_decisions d
     JOIN s_open o ON o.id = d.order_id
     JOIN s_units u ON (d.evidence_kind = 'event' AND u.event_id = d.evidence_id) OR (d.evidence_kind = 'receipt' AND u.receipt_id = d.evidence_id)
     WHERE d.active AND d.decision IN ('confirmed', 'manual')
     ORDER BY u.unit_key, d.decided_at DESC`,
  `DELETE FROM s_assign a USING s_assign b WHERE a.order_id = b.order_id AND a.unit_key > b.unit_key`,
  // Candidates: same store, currency and amount, within the window (wider inside a declared outage), not rejected.
  // Score in coarse buckets on purpose: terminal agreement (2 same, 1 unknown, 0 different) + close in time (1).
  // Finer scores would let a few seconds of clock drift decide between two equal sales: that is a guess.
  `CREATE TEMP TABLE s_cand ON COMMIT DROP AS
     SELECT o.id AS order_id, u.unit_key,
            (CASE WHEN o.terminal_id IS NULL OR u.terminal_id IS NULL THEN 1 WHEN o.terminal_id = u.terminal_id THEN 2 ELSE 0 END)
            + (CASE WHEN abs(extract(epoch FROM u.at - o.ordered_at)) <= $1 THEN 1 ELSE 0 END) AS score
     FROM s_open o
     JOIN s_units u ON u.store_id = o.store_id AND u.currency = o.currency AND u.amount_value = o.amount_value
      AND u.at BETWEEN o.ordered_at - make_interval(mins => $3::int) AND o.ordered_at + make_interval(mins => $3::int)
     WHERE NOT EXISTS (SELECT 1 FROM s_assign a WHERE a.order_id = o.id)
       AND NOT EXISTS (SELECT 1 FROM s_assign a WHERE a.unit_key = u.unit_key)
       AND (abs(extract(epoch FROM u.at - o.ordered_at)) <= $2::int * 60
            OR EXISTS (SELECT 1 FROM outage_windows w WHERE w.store_id = o.store_id AND o.ordered_at >= w.starts_at
                       AND o.ordered_at <= COALESCE(w.ends_at, w.starts_at + interval '7 days')))
       AND NOT EXISTS (SELECT 1 FROM match_decisions d WHERE d.active AND d.decision = 'rejected' AND d.order_id = o.id
                       AND ((d.evidence_kind = 'event' AND d.evidence_id = u.event_id) OR (d.evidence_kind = 'receipt' AND d.evidence_id = u.receipt_id)))`,
  `CREATE INDEX ON s_cand (order_id)`,
  `CREATE INDEX ON s_cand (unit_key)`,
];

/** One round: pairs that are each other's single best candidate. Repeated until a round assigns nothing. */
export const ASSIGN_ROUND_SQL = `
  WITH ranked AS (
    SELECT order_id, unit_key, score,
           max(score) OVER (PARTITION BY order_id) AS omax, max(score) OVER (PARTITION BY unit_key) AS umax
    FROM s_cand),
  counted AS (
    SELECT *, count(*) FILTER (WHERE score = omax) OVER (PARTITION BY order_id) AS o_ties,
              count(*) FILTER (WHERE score = umax) OVER (PARTITION BY unit_key) AS u_ties
    FROM ranked)
  INSERT INTO s_assign (order_id, unit_key, score)
  SELECT order_id, unit_key, score FROM counted WHERE score = omax AND score = umax AND o_ties = 1 AND u_ties = 1`;

// Two equality deletes rather than one OR: each is a hash join, the OR would compare every pair of rows.
export const ASSIGN_PRUNE_SQL = [
  `DELETE FROM s_cand c USING s_assign a WHERE a.order_id = c.order_id`,
  `DELETE FROM s_cand c USING s_assign a WHERE a.unit_key = c.unit_key`,
];
