-- AlterTable
ALTER TABLE "recon_queue" ADD COLUMN     "id_from" BIGINT,
ADD COLUMN     "id_to" BIGINT;



-- ── Written by hand (not expressible in schema.prisma) ─────────────────────────────────────────────────────────

-- One queue entry per statement and block of 64 row ids (id_from…id_to) instead of one per written row: a bulk
-- write of a million rows queues ~16,000 small entries instead of a million copies of their keys, so writing them,
-- claiming them and deleting them after a full run stays cheap. The keys are read from the rows when a run claims
-- the entry (lib/reconciliation/engine/sql-scope.ts); rows of other statements that fall inside a range are
-- simply matched again. Still in the writer's own transaction: nothing committed can miss its entry. Payment links
-- (UUID ids, few rows) and outages keep their entries by value.
CREATE OR REPLACE FUNCTION "recon_queue_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, id_from, id_to) SELECT 'event', min(n.id), max(n.id) FROM new_rows n GROUP BY n.id / 64;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "recon_queue_orders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO recon_queue (source, id_from, id_to) SELECT 'order', min(n.id), max(n.id) FROM new_rows n GROUP BY n.id / 64;
    RETURN NULL;
  END IF;
  -- An update matters only when it changed what matching reads (an order sent again unchanged queues nothing);
  -- then what the order was before is queued by value too: a payment it held may now belong to another order.
  WITH changed AS (
    SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (n.merchant_reference, n.psp_reference, n.store_id, n.terminal_id, n.currency, n.amount_value, n.ordered_at)
      IS DISTINCT FROM (o.merchant_reference, o.psp_reference, o.store_id, o.terminal_id, o.currency, o.amount_value, o.ordered_at))
  INSERT INTO recon_queue (source, id_from, id_to, merchant_reference, psp_reference, store_id, terminal_id, currency, amount_value, at_from, at_to)
  SELECT 'order', min(c.id), max(c.id), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM changed c GROUP BY c.id / 64
  UNION ALL
  SELECT 'order', NULL, NULL, c.merchant_reference, c.psp_reference, c.store_id, c.terminal_id, c.currency, c.amount_value, c.ordered_at, c.ordered_at
  FROM changed c;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "recon_queue_receipts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, id_from, id_to) SELECT 'receipt', min(n.id), max(n.id) FROM new_rows n GROUP BY n.id / 64;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "recon_queue_decisions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, id_from, id_to) SELECT 'decision', min(n.id), max(n.id) FROM new_rows n GROUP BY n.id / 64;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "recon_queue_settlement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, id_from, id_to) SELECT 'settlement', min(n.id), max(n.id) FROM new_rows n GROUP BY n.id / 64;
  RETURN NULL;
END $$;
