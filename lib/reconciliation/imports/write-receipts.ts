// Writes standalone receipts: one multi-row insert per batch; a receipt already stored (same dedupe key,
// see receipt-key.ts) is skipped by the unique index, so a resend adds nothing. Only a receipt finance or an admin
// entered may give a payment of unknown store a store (claims_unknown_store).
import { can, type Actor } from "@/lib/auth/permissions";
import { actorLabel } from "@/lib/reconciliation/imports/permissions";
import type { StandaloneReceipt } from "@/lib/validation/standalone-receipt";
import { receiptDedupeKey } from "@/lib/reconciliation/imports/receipt-key";
import type { Tx, WriteCounts } from "@/lib/reconciliation/imports/types";

const INSERT_SQL = `
INSERT INTO standalone_receipts (dedupe_key, store_id, terminal_id, amount_value, currency, transacted_at, psp_reference,
                                 tender_reference, card_brand, card_last4, auth_code, source, created_by, claims_unknown_store)
SELECT t.*, $12, $13, $14
FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::timestamptz[], $7::text[], $8::text[],
            $9::text[], $10::text[], $11::text[])
  AS t(dedupe_key, store_id, terminal_id, amount_value, currency, transacted_at, psp_reference, tender_reference,
       card_brand, card_last4, auth_code)
ON CONFLICT (dedupe_key) DO NOTHING`;

export async function insertReceipts(
  tx: Tx,
  receipts: readonly StandaloneReceipt[],
  source: "api" | "csv" | "form",
  actor: Actor,
): Promise<WriteCounts> {
  const inserted = await tx.$executeRawUnsafe(
    INSERT_SQL,
    receipts.map(receiptDedupeKey),
    receipts.map((r) => r.storeId),
    receipts.map((r) => r.terminalId ?? null),
    receipts.map((r) => String(r.amount.value)),
    receipts.map((r) => r.amount.currency),
    receipts.map((r) => r.transactedAt.toISOString()),
    receipts.map((r) => r.pspReference ?? null),
    receipts.map((r) => r.tenderReference ?? null),
    receipts.map((r) => r.cardBrand ?? null),
    receipts.map((r) => r.cardLast4 ?? null),
    receipts.map((r) => r.authCode ?? null),
    source,
    actorLabel(actor),
    can(actor, "payments.claim_unknown_store"),
  );
  return { inserted, updated: 0, duplicates: receipts.length - inserted };
}
