-- The key spill is scratch state of a running analysis, written for nearly every key of a big log and emptied when
-- the analysis ends: its state as JSON text (no jsonb parsing on every write), and the table unlogged (no WAL;
-- PostgreSQL empties it after a crash, which ends any analysis that was using it anyway).
-- AlterTable
ALTER TABLE "idempotency_key_spill" ALTER COLUMN "state" SET DATA TYPE TEXT USING "state"::text;
ALTER TABLE "idempotency_key_spill" SET UNLOGGED;
