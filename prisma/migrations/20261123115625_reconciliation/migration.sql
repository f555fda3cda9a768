-- CreateEnum
CREATE TYPE "ReconStatus" AS ENUM ('matched', 'suggested', 'mismatched', 'expected', 'missing', 'unexpected', 'duplicate');

-- CreateEnum
CREATE TYPE "MatchMethod" AS ENUM ('merchant_reference', 'psp_reference', 'payment_link', 'standalone_heuristic', 'manual');

-- CreateTable
CREATE TABLE "payment_events" (
    "id" BIGSERIAL NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "live" BOOLEAN NOT NULL,
    "event_code" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "psp_reference" TEXT NOT NULL,
    "original_reference" TEXT,
    "merchant_account_code" TEXT NOT NULL,
    "merchant_reference" TEXT,
    "amount_value" BIGINT,
    "currency" VARCHAR(3),
    "event_date" TIMESTAMPTZ(3),
    "payment_method" TEXT,
    "reason" TEXT,
    "payment_link_id" TEXT,
    "terminal_id" TEXT,
    "tender_reference" TEXT,
    "store_id" TEXT,
    "additional_data" JSONB NOT NULL,
    "raw" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "payment_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pos_orders" (
    "id" BIGSERIAL NOT NULL,
    "merchant_reference" TEXT NOT NULL,
    "store_id" TEXT NOT NULL,
    "amount_value" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "ordered_at" TIMESTAMPTZ(3) NOT NULL,
    "terminal_id" TEXT,
    "psp_reference" TEXT,
    "description" TEXT,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pos_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "standalone_receipts" (
    "id" BIGSERIAL NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "store_id" TEXT NOT NULL,
    "terminal_id" TEXT,
    "amount_value" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "transacted_at" TIMESTAMPTZ(3) NOT NULL,
    "psp_reference" TEXT,
    "tender_reference" TEXT,
    "card_brand" TEXT,
    "card_last4" VARCHAR(4),
    "auth_code" TEXT,
    "source" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "standalone_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_links" (
    "id" UUID NOT NULL,
    "adyen_id" TEXT,
    "idempotency_key" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "store_id" TEXT NOT NULL,
    "amount_value" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "description" TEXT,
    "shopper_locale" TEXT,
    "status" TEXT NOT NULL,
    "url" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlement_lines" (
    "id" BIGSERIAL NOT NULL,
    "row_key" TEXT NOT NULL,
    "report" TEXT NOT NULL,
    "import_id" UUID NOT NULL,
    "merchant_account" TEXT,
    "psp_reference" TEXT,
    "merchant_reference" TEXT,
    "modification_reference" TEXT,
    "type" TEXT NOT NULL,
    "booked_at" TIMESTAMPTZ(3),
    "gross_currency" VARCHAR(3),
    "gross_debit" BIGINT,
    "gross_credit" BIGINT,
    "net_currency" VARCHAR(3),
    "net_debit" BIGINT,
    "net_credit" BIGINT,
    "batch_number" TEXT,
    "raw" JSONB NOT NULL,

    CONSTRAINT "settlement_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT,
    "rows" INTEGER NOT NULL,
    "inserted" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "summary" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outage_windows" (
    "id" UUID NOT NULL,
    "store_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "reason" TEXT,
    "declared_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outage_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recon_items" (
    "id" BIGSERIAL NOT NULL,
    "item_key" TEXT NOT NULL,
    "order_id" BIGINT,
    "merchant_reference" TEXT,
    "store_id" TEXT,
    "amount_value" BIGINT,
    "currency" VARCHAR(3),
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReconStatus" NOT NULL,
    "method" "MatchMethod",
    "confidence" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "paid_value" BIGINT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recon_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "match_decisions" (
    "id" BIGSERIAL NOT NULL,
    "order_id" BIGINT NOT NULL,
    "evidence_kind" TEXT NOT NULL,
    "evidence_id" BIGINT NOT NULL,
    "decision" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "decided_by" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "match_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_events_dedupe_key_key" ON "payment_events"("dedupe_key");

-- CreateIndex
CREATE INDEX "payment_events_merchant_reference_idx" ON "payment_events"("merchant_reference");

-- CreateIndex
CREATE INDEX "payment_events_psp_reference_idx" ON "payment_events"("psp_reference");

-- CreateIndex
CREATE INDEX "payment_events_original_reference_idx" ON "payment_events"("original_reference");

-- CreateIndex
CREATE INDEX "payment_events_payment_link_id_idx" ON "payment_events"("payment_link_id");

-- CreateIndex
CREATE INDEX "payment_events_tender_reference_idx" ON "payment_events"("tender_reference");

-- CreateIndex
CREATE INDEX "payment_events_store_id_event_date_idx" ON "payment_events"("store_id", "event_date");

-- CreateIndex
CREATE INDEX "payment_events_received_at_idx" ON "payment_events"("received_at");

-- CreateIndex
CREATE UNIQUE INDEX "pos_orders_merchant_reference_key" ON "pos_orders"("merchant_reference");

-- CreateIndex
CREATE INDEX "pos_orders_store_id_ordered_at_idx" ON "pos_orders"("store_id", "ordered_at");

-- CreateIndex
CREATE INDEX "pos_orders_ordered_at_idx" ON "pos_orders"("ordered_at");

-- CreateIndex
CREATE INDEX "pos_orders_psp_reference_idx" ON "pos_orders"("psp_reference");

-- CreateIndex
CREATE UNIQUE INDEX "standalone_receipts_dedupe_key_key" ON "standalone_receipts"("dedupe_key");

-- CreateIndex
CREATE INDEX "standalone_receipts_store_id_transacted_at_idx" ON "standalone_receipts"("store_id", "transacted_at");

-- CreateIndex
CREATE INDEX "standalone_receipts_psp_reference_idx" ON "standalone_receipts"("psp_reference");

-- CreateIndex
CREATE INDEX "standalone_receipts_tender_reference_idx" ON "standalone_receipts"("tender_reference");

-- CreateIndex
CREATE UNIQUE INDEX "payment_links_adyen_id_key" ON "payment_links"("adyen_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_links_idempotency_key_key" ON "payment_links"("idempotency_key");

-- CreateIndex
CREATE INDEX "payment_links_reference_idx" ON "payment_links"("reference");

-- CreateIndex
CREATE INDEX "payment_links_store_id_created_at_idx" ON "payment_links"("store_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_lines_row_key_key" ON "settlement_lines"("row_key");

-- CreateIndex
CREATE INDEX "settlement_lines_psp_reference_idx" ON "settlement_lines"("psp_reference");

-- CreateIndex
CREATE INDEX "settlement_lines_merchant_reference_idx" ON "settlement_lines"("merchant_reference");

-- CreateIndex
CREATE INDEX "outage_windows_store_id_starts_at_idx" ON "outage_windows"("store_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "recon_items_item_key_key" ON "recon_items"("item_key");

-- CreateIndex
CREATE UNIQUE INDEX "recon_items_order_id_key" ON "recon_items"("order_id");

-- CreateIndex
CREATE INDEX "recon_items_status_occurred_at_idx" ON "recon_items"("status", "occurred_at");

-- CreateIndex
CREATE INDEX "recon_items_store_id_occurred_at_idx" ON "recon_items"("store_id", "occurred_at");

-- CreateIndex
CREATE INDEX "recon_items_occurred_at_id_idx" ON "recon_items"("occurred_at", "id");

-- CreateIndex
CREATE INDEX "match_decisions_order_id_idx" ON "match_decisions"("order_id");

-- CreateIndex
CREATE INDEX "match_decisions_evidence_kind_evidence_id_idx" ON "match_decisions"("evidence_kind", "evidence_id");

-- AddForeignKey
ALTER TABLE "pos_orders" ADD CONSTRAINT "pos_orders_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "standalone_receipts" ADD CONSTRAINT "standalone_receipts_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage_windows" ADD CONSTRAINT "outage_windows_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Prefix search on the reference in byte order, whatever the database collation (not expressible in the Prisma schema).
CREATE INDEX "recon_items_reference_c_idx" ON "recon_items"((merchant_reference COLLATE "C"), "id");
