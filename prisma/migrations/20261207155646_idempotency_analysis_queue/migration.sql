-- AlterTable
ALTER TABLE "idempotency_analyses" ADD COLUMN     "bytes_read" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "cancel_requested_by" TEXT,
ADD COLUMN     "created_by_id" TEXT,
ADD COLUMN     "findings_stored" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "heartbeat_at" TIMESTAMPTZ(3),
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "reason_code" TEXT,
ADD COLUMN     "reason_params" JSONB,
ADD COLUMN     "runner" TEXT,
ADD COLUMN     "started_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "idempotency_analyses_status_idx" ON "idempotency_analyses"("status");

