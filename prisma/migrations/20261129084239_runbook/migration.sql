-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "tap_to_pay_devices" INTEGER,
ADD COLUMN     "tap_to_pay_procedure" TEXT;

-- AlterTable
ALTER TABLE "payment_links" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "client_key" TEXT,
ADD COLUMN     "last_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_error" TEXT,
ADD COLUMN     "paid_at" TIMESTAMPTZ(3),
ADD COLUMN     "psp_reference" TEXT,
ADD COLUMN     "request" JSONB,
ADD COLUMN     "request_hash" TEXT,
ADD COLUMN     "status_polled_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "outage_windows" ADD COLUMN     "closed_by" TEXT,
ADD COLUMN     "closes_on_recovery" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'declared',
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "terminals" ADD COLUMN     "removed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "terminal_syncs" (
    "id" UUID NOT NULL,
    "mode" TEXT NOT NULL,
    "store_ids" TEXT[],
    "status" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "calls" INTEGER NOT NULL DEFAULT 0,
    "throttled" INTEGER NOT NULL DEFAULT 0,
    "stores" INTEGER NOT NULL DEFAULT 0,
    "terminals" INTEGER NOT NULL DEFAULT 0,
    "settings_read" INTEGER NOT NULL DEFAULT 0,
    "levels" JSONB,
    "error" TEXT,

    CONSTRAINT "terminal_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "terminal_syncs_status_started_at_idx" ON "terminal_syncs"("status", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_links_client_key_key" ON "payment_links"("client_key");

-- CreateIndex
CREATE INDEX "payment_links_status_status_polled_at_idx" ON "payment_links"("status", "status_polled_at");

