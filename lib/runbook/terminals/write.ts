// Writes one sync's result in a single transaction: stores first (terminals reference them), then terminals in
// batches of multi-row upserts. The status probes' columns (connected, connected_checked_at) are never touched.
import { db } from "@/lib/db";
import type { Fleet } from "@/lib/runbook/terminals/sync";
import type { SyncedStore } from "@/lib/runbook/terminals/fleet-snapshot";

const BATCH = 2_000;

const UPSERT_STORES = `
INSERT INTO stores (id, reference, name, timezone, country, default_currency, merchant_account, updated_at)
SELECT s.id, s.reference, s.name, s.timezone, s.country, COALESCE(s.currency, 'EUR'), s.merchant_account, now()
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
  AS s(id, reference, name, timezone, country, currency, merchant_account)
ON CONFLICT (id) DO UPDATE SET
  reference = COALESCE(EXCLUDED.reference, stores.reference),
  country = COALESCE(EXCLUDED.country, stores.country),
  merchant_account = COALESCE(EXCLUDED.merchant_account, stores.merchant_account),
  updated_at = now()`;

const UPSERT_TERMINALS = `
INSERT INTO terminals (id, store_id, merchant_id, company_id, model, serial_number, firmware_version, assignment_status,
  last_activity_at, last_transaction_at, standalone_enabled, standalone_currency, standalone_level, settings_synced_at,
  synced_at, updated_at, removed_at)
SELECT t.*, $15::timestamptz, now(), NULL
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
  $9::timestamptz[], $10::timestamptz[], $11::bool[], $12::text[], $13::text[], $14::timestamptz[])
  AS t(id, store_id, merchant_id, company_id, model, serial_number, firmware_version, assignment_status,
       last_activity_at, last_transaction_at, standalone_enabled, standalone_currency, standalone_level, settings_synced_at)
ON CONFLICT (id) DO UPDATE SET
  store_id = EXCLUDED.store_id, merchant_id = EXCLUDED.merchant_id, company_id = EXCLUDED.company_id,
  model = EXCLUDED.model, serial_number = EXCLUDED.serial_number, firmware_version = EXCLUDED.firmware_version,
  assignment_status = EXCLUDED.assignment_status, last_activity_at = EXCLUDED.last_activity_at,
  last_transaction_at = EXCLUDED.last_transaction_at, standalone_enabled = EXCLUDED.standalone_enabled,
  standalone_currency = EXCLUDED.standalone_currency, standalone_level = EXCLUDED.standalone_level,
  settings_synced_at = EXCLUDED.settings_synced_at, synced_at = EXCLUDED.synced_at, updated_at = now(),
  removed_at = NULL`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Stores named by a terminal but missing from the store list (a store created meanwhile) get a minimal row. */
function storesToWrite(fleet: Fleet): SyncedStore[] {
  const known = new Set(fleet.stores.map((s) => s.id));
  const extra = [...new Set(fleet.terminals.map((t) => t.storeId))]
    .filter((id): id is string => id !== null && !known.has(id))
    .map((id) => ({ id, reference: null, name: id, timezone: null, country: null, currency: null, merchantId: null }));
  return [...fleet.stores, ...extra];
}

export async function writeFleet(fleet: Fleet, opts: { fullScope: boolean; now: Date }): Promise<void> {
  const stores = storesToWrite(fleet);
  await db().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        UPSERT_STORES,
        stores.map((s) => s.id),
        stores.map((s) => s.reference),
        stores.map((s) => s.name),
        // A new store's time zone comes from its terminal settings (localization); UTC until an admin sets it.
        stores.map((s) => s.timezone ?? "UTC"),
        stores.map((s) => s.country),
        stores.map((s) => s.currency),
        stores.map((s) => s.merchantId),
      );
      for (let i = 0; i < fleet.terminals.length; i += BATCH) {
        const batch = fleet.terminals.slice(i, i + BATCH);
        await tx.$executeRawUnsafe(
          UPSERT_TERMINALS,
          batch.map((t) => t.id),
          batch.map((t) => t.storeId),
          batch.map((t) => t.merchantId),
          batch.map((t) => t.companyId),
          batch.map((t) => t.model),
          batch.map((t) => t.serialNumber),
          batch.map((t) => t.firmwareVersion),
          batch.map((t) => t.assignmentStatus),
          batch.map((t) => iso(t.lastActivityAt)),
          batch.map((t) => iso(t.lastTransactionAt)),
          batch.map((t) => t.standaloneEnabled),
          batch.map((t) => t.standaloneCurrency),
          batch.map((t) => t.standaloneLevel),
          batch.map((t) => iso(t.settingsSyncedAt)),
          opts.now.toISOString(),
        );
      }
      if (opts.fullScope) {
        // Gone from Adyen's list (moved to another account, decommissioned): kept for history, hidden from lists.
        await tx.$executeRawUnsafe(
          `UPDATE terminals SET removed_at = $2::timestamptz, updated_at = now()
           WHERE removed_at IS NULL AND NOT (id = ANY($1::text[]))`,
          fleet.terminals.map((t) => t.id),
          opts.now.toISOString(),
        );
      }
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
