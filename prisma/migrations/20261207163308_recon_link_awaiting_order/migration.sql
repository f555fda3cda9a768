-- No schema change: a payment through a payment link created here whose POS order has not arrived is now `expected`
-- (reason link_paid_order_pending) instead of `unexpected`. Ask for one full run so that existing results say so.
INSERT INTO "app_settings" ("key", "value", "updated_at")
VALUES ('reconciliation.full_requested', to_jsonb(now()::text), now())
ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updated_at" = now();
