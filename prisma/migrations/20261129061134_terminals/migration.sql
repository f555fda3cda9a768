-- CreateTable
CREATE TABLE "terminals" (
    "id" TEXT NOT NULL,
    "store_id" TEXT,
    "merchant_id" TEXT,
    "company_id" TEXT,
    "model" TEXT,
    "serial_number" TEXT,
    "firmware_version" TEXT,
    "assignment_status" TEXT,
    "last_activity_at" TIMESTAMPTZ(3),
    "last_transaction_at" TIMESTAMPTZ(3),
    "standalone_enabled" BOOLEAN,
    "standalone_currency" VARCHAR(3),
    "standalone_level" TEXT,
    "settings_synced_at" TIMESTAMPTZ(3),
    "connected" BOOLEAN,
    "connected_checked_at" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "terminals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "terminals_store_id_idx" ON "terminals"("store_id");

-- AddForeignKey
ALTER TABLE "terminals" ADD CONSTRAINT "terminals_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE SET NULL ON UPDATE CASCADE;

