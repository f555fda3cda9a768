// A merchant receipt printed by a terminal in standalone mode, typed in or imported by store staff.
// It carries no POS order reference, so the fields below are what matching has to work with.
import { z } from "zod";
import type { FieldProblem } from "@/lib/errors";
import {
  PSP_REFERENCE_PATTERN,
  amountSchema,
  optionalPattern,
  optionalText,
  requiredText,
  zonedTimestampSchema,
} from "@/lib/validation/fields";

export const standaloneReceiptSchema = z.object({
  storeId: requiredText(100),
  terminalId: optionalText(100),
  amount: amountSchema,
  transactedAt: zonedTimestampSchema,
  pspReference: optionalPattern(
    PSP_REFERENCE_PATTERN,
    "must be Adyen's 16-character PSP reference (letters and digits)",
    (value) => value.toUpperCase(),
  ),
  tenderReference: optionalText(64),
  cardBrand: optionalText(40),
  cardLast4: optionalPattern(/^\d{4}$/, "must be exactly 4 digits"),
  authCode: optionalPattern(/^[A-Za-z0-9]{1,10}$/, "must be 1 to 10 letters or digits"),
});

export type StandaloneReceiptInput = z.input<typeof standaloneReceiptSchema>;
export type StandaloneReceipt = z.output<typeof standaloneReceiptSchema>;

/**
 * Advice, not a rule: a receipt without PSP or tender reference is still evidence, but it can only be
 * matched on store, amount, time and terminal, which often ends in manual review.
 */
export function receiptWarnings(receipt: Pick<StandaloneReceipt, "pspReference" | "tenderReference">): FieldProblem[] {
  if (receipt.pspReference || receipt.tenderReference) return [];
  return [
    {
      path: "pspReference",
      message: "Add the PSP reference or the tender reference printed on the receipt, so it can be matched exactly.",
    },
  ];
}
