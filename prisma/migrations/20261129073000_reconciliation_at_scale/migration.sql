-- DropIndex
DROP INDEX "pos_orders_merchant_reference_key";

-- DropIndex (the id is derived from the order or payment, see schema.prisma: these are implied by the primary key)
DROP INDEX "recon_items_item_key_key";

-- DropIndex
DROP INDEX "recon_items_order_id_key";

-- AlterTable
ALTER TABLE "recon_items" ALTER COLUMN "id" DROP DEFAULT;

-- CreateTable
CREATE TABLE "recon_queue" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "merchant_reference" TEXT,
    "psp_reference" TEXT,
    "store_id" TEXT,
    "terminal_id" TEXT,
    "currency" VARCHAR(3),
    "amount_value" BIGINT,
    "at_from" TIMESTAMPTZ(3),
    "at_to" TIMESTAMPTZ(3),
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "recon_queue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recon_summary" (
    "day" DATE NOT NULL,
    "store_id" TEXT NOT NULL DEFAULT '',
    "status" "ReconStatus" NOT NULL,
    "method" TEXT NOT NULL DEFAULT '',
    "currency" TEXT NOT NULL DEFAULT '',
    "n" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "recon_summary_pkey" PRIMARY KEY ("day","store_id","status","method","currency")
);

-- CreateIndex
CREATE INDEX "payment_events_store_id_amount_value_event_date_idx" ON "payment_events"("store_id", "amount_value", "event_date");

-- CreateIndex
CREATE INDEX "pos_orders_merchant_reference_idx" ON "pos_orders"("merchant_reference");

-- CreateIndex
CREATE INDEX "pos_orders_store_id_amount_value_ordered_at_idx" ON "pos_orders"("store_id", "amount_value", "ordered_at");

-- CreateIndex
CREATE UNIQUE INDEX "pos_orders_store_id_merchant_reference_key" ON "pos_orders"("store_id", "merchant_reference");

-- CreateIndex
CREATE INDEX "standalone_receipts_store_id_amount_value_transacted_at_idx" ON "standalone_receipts"("store_id", "amount_value", "transacted_at");


-- ── Written by hand (not expressible in schema.prisma) ─────────────────────────────────────────────────────────

-- Item ids are derived from what the row stands for; results are rebuilt by the next full run (requested below).
TRUNCATE "recon_items";
DROP SEQUENCE IF EXISTS "recon_items_id_seq";
DELETE FROM "app_settings" WHERE "key" = 'reconciliation.watermark';
INSERT INTO "app_settings" ("key", "value", "updated_at")
VALUES ('reconciliation.full_requested', to_jsonb(now()::text), now())
ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updated_at" = now();

-- One accepted pairing per payment and per order, enforced by the database: two people confirming at once cannot
-- both win. Older duplicates (possible before this constraint) keep only the latest.
UPDATE "match_decisions" d SET "active" = false
WHERE d."active" AND d."decision" IN ('confirmed', 'manual') AND EXISTS (
  SELECT 1 FROM "match_decisions" n WHERE n."active" AND n."decision" IN ('confirmed', 'manual')
    AND ((n."evidence_kind" = d."evidence_kind" AND n."evidence_id" = d."evidence_id") OR n."order_id" = d."order_id")
    AND (n."decided_at", n."id") > (d."decided_at", d."id"));
CREATE UNIQUE INDEX "match_decisions_accepted_evidence_key" ON "match_decisions" ("evidence_kind", "evidence_id")
  WHERE "active" AND "decision" IN ('confirmed', 'manual');
CREATE UNIQUE INDEX "match_decisions_accepted_order_key" ON "match_decisions" ("order_id")
  WHERE "active" AND "decision" IN ('confirmed', 'manual');

-- Pending work is found through this small index, whatever the size of the queue's history.
CREATE INDEX "recon_queue_pending_idx" ON "recon_queue" ("id") WHERE "done_at" IS NULL;

-- The queue is filled by statement-level triggers: one INSERT … SELECT per statement, however many rows it wrote,
-- in the writer's own transaction. A webhook batch, an import batch or a decision cannot commit without its entry.
CREATE FUNCTION "recon_queue_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, merchant_reference, psp_reference, store_id, terminal_id, currency, amount_value, at_from, at_to)
  SELECT 'event', NULLIF(n.merchant_reference, ''), COALESCE(n.original_reference, n.psp_reference), n.store_id, n.terminal_id,
         n.currency, n.amount_value, COALESCE(n.event_date, n.received_at), COALESCE(n.event_date, n.received_at)
  FROM new_rows n;
  RETURN NULL;
END $$;
CREATE TRIGGER "payment_events_recon_queue" AFTER INSERT ON "payment_events"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_events"();

CREATE FUNCTION "recon_queue_orders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, merchant_reference, psp_reference, store_id, terminal_id, currency, amount_value, at_from, at_to)
  SELECT 'order', n.merchant_reference, n.psp_reference, n.store_id, n.terminal_id, n.currency, n.amount_value, n.ordered_at, n.ordered_at
  FROM new_rows n;
  IF TG_OP = 'UPDATE' THEN
    -- What the order was before: a payment it held may now belong to another order.
    INSERT INTO recon_queue (source, merchant_reference, psp_reference, store_id, terminal_id, currency, amount_value, at_from, at_to)
    SELECT 'order', o.merchant_reference, o.psp_reference, o.store_id, o.terminal_id, o.currency, o.amount_value, o.ordered_at, o.ordered_at
    FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "pos_orders_recon_queue_insert" AFTER INSERT ON "pos_orders"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_orders"();
CREATE TRIGGER "pos_orders_recon_queue_update" AFTER UPDATE ON "pos_orders"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_orders"();

CREATE FUNCTION "recon_queue_receipts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, psp_reference, store_id, terminal_id, currency, amount_value, at_from, at_to)
  SELECT 'receipt', n.psp_reference, n.store_id, n.terminal_id, n.currency, n.amount_value, n.transacted_at, n.transacted_at
  FROM new_rows n;
  RETURN NULL;
END $$;
CREATE TRIGGER "standalone_receipts_recon_queue" AFTER INSERT ON "standalone_receipts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_receipts"();

CREATE FUNCTION "recon_queue_links"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, merchant_reference, store_id) SELECT 'link', n.reference, n.store_id FROM new_rows n;
  RETURN NULL;
END $$;
CREATE TRIGGER "payment_links_recon_queue_insert" AFTER INSERT ON "payment_links"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_links"();
CREATE TRIGGER "payment_links_recon_queue_update" AFTER UPDATE ON "payment_links"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_links"();

-- A decision touches its order and its evidence (which may have been another order's until now).
CREATE FUNCTION "recon_queue_decisions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, merchant_reference, psp_reference, store_id, terminal_id, currency, amount_value, at_from, at_to)
  SELECT 'decision', o.merchant_reference, o.psp_reference, o.store_id, o.terminal_id, o.currency, o.amount_value, o.ordered_at, o.ordered_at
  FROM new_rows d JOIN pos_orders o ON o.id = d.order_id
  UNION ALL
  SELECT 'decision', NULLIF(e.merchant_reference, ''), e.psp_reference, e.store_id, e.terminal_id, e.currency, e.amount_value,
         COALESCE(e.event_date, e.received_at), COALESCE(e.event_date, e.received_at)
  FROM new_rows d JOIN payment_events e ON d.evidence_kind = 'event' AND e.id = d.evidence_id
  UNION ALL
  SELECT 'decision', NULL, r.psp_reference, r.store_id, r.terminal_id, r.currency, r.amount_value, r.transacted_at, r.transacted_at
  FROM new_rows d JOIN standalone_receipts r ON d.evidence_kind = 'receipt' AND r.id = d.evidence_id;
  RETURN NULL;
END $$;
CREATE TRIGGER "match_decisions_recon_queue_insert" AFTER INSERT ON "match_decisions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_decisions"();
CREATE TRIGGER "match_decisions_recon_queue_update" AFTER UPDATE ON "match_decisions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_decisions"();

-- An outage widens the window for every order of its store inside it.
CREATE FUNCTION "recon_queue_outages"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, store_id, at_from, at_to)
  SELECT 'outage', n.store_id, n.starts_at, COALESCE(n.ends_at, now()) FROM new_rows n;
  RETURN NULL;
END $$;
CREATE TRIGGER "outage_windows_recon_queue_insert" AFTER INSERT ON "outage_windows"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_outages"();
CREATE TRIGGER "outage_windows_recon_queue_update" AFTER UPDATE ON "outage_windows"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_outages"();

CREATE FUNCTION "recon_queue_settlement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO recon_queue (source, merchant_reference, psp_reference)
  SELECT 'settlement', n.merchant_reference, n.psp_reference FROM new_rows n
  WHERE n.merchant_reference IS NOT NULL OR n.psp_reference IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER "settlement_lines_recon_queue" AFTER INSERT ON "settlement_lines"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recon_queue_settlement"();
