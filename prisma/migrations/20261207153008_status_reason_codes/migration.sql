-- AlterTable
ALTER TABLE "status_verdicts" ADD COLUMN     "reason_codes" JSONB,
ADD COLUMN     "terminal_counts" JSONB;

