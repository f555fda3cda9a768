-- AlterTable
ALTER TABLE "pos_orders" ADD COLUMN     "claims_unknown_store" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "standalone_receipts" ADD COLUMN     "claims_unknown_store" BOOLEAN NOT NULL DEFAULT false;


-- Rows written before this change are not known to come from finance: they claim their own store only. Matching is
-- recomputed under the new rule by a full run at the next start.
INSERT INTO "app_settings" ("key", "value", "updated_at")
VALUES ('reconciliation.full_requested', to_jsonb(now()::text), now())
ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updated_at" = now();
