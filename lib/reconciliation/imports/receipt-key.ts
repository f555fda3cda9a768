// Identity of a standalone receipt (standalone_receipts.dedupe_key), so that typing, uploading or sending
// the same receipt again adds nothing.
import { createHash } from "node:crypto";
import type { StandaloneReceipt } from "@/lib/validation/standalone-receipt";

/**
 * The strongest identifier the receipt carries decides the key, always within its store:
 * 1. PSP reference: Adyen's unique id of the payment. Nothing else is needed, so a resend that fixes the
 *    amount or time of a receipt with a PSP reference is still the same receipt (the first one stays).
 * 2. Tender reference with the terminal: unique per terminal transaction, printed on every receipt.
 * 3. Otherwise terminal, amount, currency and the exact instant. Accepted limit: two genuinely different
 *    payments of the same amount at the same terminal (or, with no terminal, the same store) in the same
 *    millisecond collapse into one; a terminal cannot take two payments that fast.
 * Values come from the validated receipt (trimmed, upper-case PSP reference, instant in UTC), so spelling
 * differences between a form, a CSV and the API do not create new keys.
 */
export function receiptDedupeKey(receipt: StandaloneReceipt): string {
  const terminal = receipt.terminalId ?? null;
  const parts = receipt.pspReference
    ? ["psp", receipt.storeId, receipt.pspReference]
    : receipt.tenderReference
      ? ["tender", receipt.storeId, terminal, receipt.tenderReference]
      : [
          "fields",
          receipt.storeId,
          terminal,
          receipt.amount.value,
          receipt.amount.currency,
          receipt.transactedAt.toISOString(),
        ];
  // JSON keeps null apart from "" and makes separators unambiguous; the hash keeps the key short and uniform.
  return `v1:${parts[0]}:${createHash("sha256").update(JSON.stringify(parts)).digest("hex")}`;
}
