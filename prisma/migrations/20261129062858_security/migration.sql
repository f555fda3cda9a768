-- AlterTable
ALTER TABLE "users" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "expires_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "caller_request_id" TEXT;

-- AlterTable
ALTER TABLE "sign_in_throttle" DROP COLUMN "locked_until";

-- CreateTable
CREATE TABLE "import_staged_rows" (
    "batch_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "row" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_staged_rows_pkey" PRIMARY KEY ("batch_id","seq")
);

-- CreateIndex
CREATE INDEX "import_staged_rows_created_at_idx" ON "import_staged_rows"("created_at");



-- Demo users seeded before this migration (simulator mode, published passwords) are marked as such.
UPDATE "users" SET "demo" = true
WHERE "email" IN ('admin@demo.test', 'berlin@demo.test', 'finance@demo.test', 'engineering@demo.test');

-- Attempts counted under the old key scheme (per email alone) no longer apply.
DELETE FROM "sign_in_throttle";
