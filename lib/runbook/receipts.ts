// Standalone receipt capture from the runbook's phone form: what staff read off the merchant receipt a standalone
// terminal printed. Saved through the very validation and import of POST /api/v1/receipts.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, type FieldProblem } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { importReceipts } from "@/lib/reconciliation/imports";
import { MAX_TYPED_AMOUNT_LENGTH, type AmountLocale } from "@/lib/money";
import { confirmationNeeded, type AmountToConfirm } from "@/lib/validation/amount-limits";
import { readFormAmount } from "@/lib/validation/form-amount";
import { startOfDay, wallTimeToInstant } from "@/lib/runbook/zoned-time";

/** The form's fields as typed: amount in major units, time on the store's wall clock. */
export const receiptFormSchema = z.object({
  storeId: z.string().trim().min(1).max(64),
  amount: z.string().max(MAX_TYPED_AMOUNT_LENGTH),
  currency: z.string().trim().toUpperCase().max(3),
  time: z.string().trim().max(32),
  terminalId: z.string().trim().max(100).optional(),
  pspReference: z.string().trim().max(32).optional(),
  tenderReference: z.string().trim().max(64).optional(),
  cardBrand: z.string().trim().max(40).optional(),
  cardLast4: z.string().trim().max(8).optional(),
  authCode: z.string().trim().max(16).optional(),
  /** The amount the person confirmed after seeing it in words and figures (see confirmationNeeded). */
  confirmed: z.string().max(64).optional(),
});
export type ReceiptForm = z.input<typeof receiptFormSchema>;

/** The form's fields as it names them: what the action returns after an error so that nothing is retyped. */
export const RECEIPT_FORM_FIELDS = [
  "amount",
  "currency",
  "time",
  "terminalId",
  "pspReference",
  "tenderReference",
  "cardBrand",
  "cardLast4",
  "authCode",
] as const;

function invalid(problems: FieldProblem[]): AppError {
  return new AppError("VALIDATION", `Invalid receipt: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, {
    problems,
  });
}

export type CaptureResult = { kind: "saved"; saved: boolean; duplicate: boolean } | AmountToConfirm;

export async function captureReceipt(
  actor: Principal,
  input: unknown,
  opts: { requestId?: string; reconcile?: (reason: string) => void; locale?: AmountLocale } = {},
): Promise<CaptureResult> {
  assertCan(actor, "receipts.create");
  const f = receiptFormSchema.parse(input);
  assertCan(actor, "receipts.create", { storeId: f.storeId });
  const store = await db().store.findUnique({ where: { id: f.storeId }, select: { timezone: true } });
  if (!store) throw invalid([{ path: "storeId", message: `unknown store ${f.storeId}` }]);
  const amount = readFormAmount(f.amount, f.currency, opts.locale ?? "en");
  const at = wallTimeToInstant(f.time, store.timezone);
  const problems: FieldProblem[] = [];
  if (!amount.ok) problems.push(amount.problem);
  if (!at) problems.push({ path: "time", message: "must be a date and time", code: "time.invalid" });
  else if (at.getTime() > Date.now() + 5 * 60_000)
    problems.push({ path: "time", message: "must not be in the future", code: "time.future" });
  if (problems.length > 0 || !amount.ok || !at) throw invalid(problems);
  const confirmation = confirmationNeeded(amount.amount, f.confirmed);
  if (confirmation) return confirmation;
  const receipt = {
    storeId: f.storeId,
    terminalId: f.terminalId,
    amount: amount.amount,
    transactedAt: at.toISOString(),
    pspReference: f.pspReference,
    tenderReference: f.tenderReference,
    cardBrand: f.cardBrand,
    cardLast4: f.cardLast4,
    authCode: f.authCode,
  };
  const { locale: _locale, ...importOpts } = opts;
  const result = await importReceipts([receipt], { actor, source: "form", ...importOpts });
  if (!result.ok) {
    throw invalid(result.problems.map((p) => ({ path: p.field, message: p.reason })));
  }
  return { kind: "saved", saved: result.inserted === 1, duplicate: result.duplicates === 1 };
}

export type ReceiptEntry = {
  id: string;
  terminalId: string | null;
  amount: { value: number; currency: string };
  transactedAt: string;
  pspReference: string | null;
  tenderReference: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  createdBy: string | null;
  createdAt: string;
};

/** Receipts entered for the store since midnight on the store's clock, newest first. */
export async function receiptsEnteredToday(
  actor: Principal,
  storeId: string,
  now = new Date(),
): Promise<ReceiptEntry[]> {
  assertCan(actor, "receipts.read", { storeId });
  const store = await db().store.findUnique({ where: { id: storeId }, select: { timezone: true } });
  if (!store) throw new AppError("NOT_FOUND", `No store ${storeId}.`);
  const rows = await db().standaloneReceipt.findMany({
    where: { storeId, createdAt: { gte: startOfDay(now, store.timezone) } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    terminalId: r.terminalId,
    amount: { value: Number(r.amountValue), currency: r.currency },
    transactedAt: r.transactedAt.toISOString(),
    pspReference: r.pspReference,
    tenderReference: r.tenderReference,
    cardBrand: r.cardBrand,
    cardLast4: r.cardLast4,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  }));
}
