-- Outage and maintenance windows are bounded, and the database enforces it: an end after the start, a length limit,
-- how far back (and ahead) a window may start when it is declared, and never two windows of one store at once (an
-- exclusion constraint: two people declaring at the same moment cannot both win). The limits are the ones
-- lib/validation/windows.ts checks first, to answer with a clear message.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Existing rows are made to fit: lengths are cut to the limit, and of overlapping windows of a store the earlier
-- one ends where the next begins (an outage) or the later-declared one is cancelled (maintenance).
UPDATE "outage_windows" SET "ends_at" = "starts_at" + interval '7 days', "updated_at" = now()
  WHERE "ends_at" > "starts_at" + interval '7 days';
UPDATE "outage_windows" SET "ends_at" = "starts_at" + interval '1 second', "updated_at" = now()
  WHERE "ends_at" <= "starts_at";
UPDATE "maintenance_windows" SET "ends_at" = "starts_at" + interval '14 days'
  WHERE "ends_at" > "starts_at" + interval '14 days';
UPDATE "maintenance_windows" SET "cancelled_at" = now() WHERE "ends_at" <= "starts_at" AND "cancelled_at" IS NULL;

DO $$
DECLARE
  w RECORD;
  kept RECORD;
BEGIN
  FOR w IN SELECT * FROM "outage_windows" ORDER BY "store_id", "starts_at", "created_at", "id" LOOP
    SELECT * INTO kept FROM "outage_windows" k
      WHERE k."store_id" = w."store_id" AND k."id" <> w."id"
        AND (k."starts_at", k."created_at", k."id"::text) < (w."starts_at", w."created_at", w."id"::text)
        AND (k."ends_at" IS NULL OR k."ends_at" > w."starts_at")
      ORDER BY k."starts_at" DESC LIMIT 1;
    IF FOUND THEN
      IF kept."starts_at" < w."starts_at" THEN
        UPDATE "outage_windows" SET "ends_at" = w."starts_at", "closed_by" = COALESCE("closed_by", 'migration (overlap)'),
          "updated_at" = now() WHERE "id" = kept."id";
      ELSE
        -- Same start: one window, the longer one.
        UPDATE "outage_windows" SET "ends_at" = CASE WHEN kept."ends_at" IS NULL OR w."ends_at" IS NULL THEN NULL
          ELSE GREATEST(kept."ends_at", w."ends_at") END, "updated_at" = now() WHERE "id" = kept."id";
        DELETE FROM "outage_windows" WHERE "id" = w."id";
      END IF;
    END IF;
  END LOOP;
  FOR w IN SELECT * FROM "maintenance_windows" WHERE "cancelled_at" IS NULL ORDER BY "store_id", "created_at", "id" LOOP
    IF EXISTS (SELECT 1 FROM "maintenance_windows" k
        WHERE k."store_id" = w."store_id" AND k."id" <> w."id" AND k."cancelled_at" IS NULL
          AND (k."created_at", k."id"::text) < (w."created_at", w."id"::text)
          AND tstzrange(k."starts_at", k."ends_at") && tstzrange(w."starts_at", w."ends_at")) THEN
      UPDATE "maintenance_windows" SET "cancelled_at" = now() WHERE "id" = w."id";
    END IF;
  END LOOP;
END $$;

ALTER TABLE "outage_windows"
  ADD CONSTRAINT "outage_windows_ends_after_start" CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at"),
  ADD CONSTRAINT "outage_windows_length" CHECK ("ends_at" IS NULL OR "ends_at" <= "starts_at" + interval '7 days'),
  ADD CONSTRAINT "outage_windows_no_overlap"
    EXCLUDE USING gist ("store_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&);

ALTER TABLE "maintenance_windows"
  ADD CONSTRAINT "maintenance_windows_ends_after_start" CHECK ("ends_at" > "starts_at"),
  ADD CONSTRAINT "maintenance_windows_length" CHECK ("ends_at" <= "starts_at" + interval '14 days'),
  ADD CONSTRAINT "maintenance_windows_no_overlap"
    EXCLUDE USING gist ("store_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("cancelled_at" IS NULL);

-- Where a new window may start, relative to when it is declared (checked on insert only: an old window may still be
-- closed or cancelled). An outage: from 7 days ago to 24 hours ahead; maintenance: from 24 hours ago to 90 days ahead.
CREATE FUNCTION "window_start_bounds"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  back interval := CASE WHEN TG_TABLE_NAME = 'outage_windows' THEN interval '7 days' ELSE interval '24 hours' END;
  ahead interval := CASE WHEN TG_TABLE_NAME = 'outage_windows' THEN interval '24 hours' ELSE interval '90 days' END;
BEGIN
  IF NEW."starts_at" < now() - back OR NEW."starts_at" > now() + ahead THEN
    RAISE EXCEPTION 'new row for relation "%" violates check constraint "%_start_bounds"', TG_TABLE_NAME, TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_start_bounds',
            DETAIL = format('a window must start between %s ago and %s ahead', back, ahead);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "outage_windows_start_bounds" BEFORE INSERT ON "outage_windows"
  FOR EACH ROW EXECUTE FUNCTION "window_start_bounds"();
CREATE TRIGGER "maintenance_windows_start_bounds" BEFORE INSERT ON "maintenance_windows"
  FOR EACH ROW EXECUTE FUNCTION "window_start_bounds"();
