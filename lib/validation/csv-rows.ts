// CSV import of POS orders and standalone receipts: maps a file's records onto the API shapes, then
// validates them with the same schemas the API and forms use.
//
// Amount units: people who write CSV files write money as they read it, so the CSV column `amount`
// holds MAJOR units ("12.50", "1500" for JPY, "1.234" for KWD) with a `currency` column, converted by
// parseMajorAmount (never rounded: too many decimals is an error). Systems exporting minor units may
// use the column `amountMinor` (integer, "1250" for EUR 12.50) instead; when both are given they must agree.
// The JSON API always takes `amount.value` in minor units, as Adyen does.
import { AppError, type FieldProblem } from "@/lib/errors";
import { isKnownCurrency, tryParseMajorAmount } from "@/lib/money";
import { validateBatch, type BatchResult, type PreparedRow } from "@/lib/validation/batch";
import { normalizeHeaderName } from "@/lib/validation/csv-header";
import { posOrderSchema, type PosOrder } from "@/lib/validation/pos-order";
import { standaloneReceiptSchema, type StandaloneReceipt } from "@/lib/validation/standalone-receipt";

/** A CSV record keyed by header as written, with the line it starts on. */
export type CsvValues = { line: number; values: Readonly<Record<string, string>> };

export type CsvImportOptions = {
  knownStoreIds?: ReadonlySet<string>;
  unknownStore?: (storeId: string) => string;
};

const ORDER_FIELDS = ["merchantReference", "storeId", "createdAt", "description", "terminalId"] as const;
const RECEIPT_FIELDS = [
  "storeId",
  "terminalId",
  "transactedAt",
  "pspReference",
  "tenderReference",
  "cardBrand",
  "cardLast4",
  "authCode",
] as const;

/**
 * The columns of orders and receipts files, as the imports page lists them: `amount` (major units) may be replaced by
 * `amountMinor`; every other required column must be there.
 */
export const CSV_COLUMNS = {
  orders: {
    required: ["merchantReference", "storeId", "amount", "currency", "createdAt"],
    optional: ["amountMinor", "description", "terminalId"],
  },
  receipts: {
    required: ["storeId", "amount", "currency", "transactedAt"],
    optional: ["amountMinor", ...RECEIPT_FIELDS.filter((f) => f !== "storeId" && f !== "transactedAt")],
  },
} as const satisfies Record<"orders" | "receipts", { required: readonly string[]; optional: readonly string[] }>;

/** Throws a whole-file error when a column every row needs is absent; headers match case- and space-insensitively. */
export function assertCsvHeader(headerNames: readonly string[], kind: "orders" | "receipts"): void {
  const present = new Set(headerNames.map(normalizeHeaderName));
  const required = CSV_COLUMNS[kind].required.filter((name) => name !== "amount");
  const missing: string[] = required.filter((name) => !present.has(normalizeHeaderName(name)));
  if (!present.has("amount") && !present.has("amountminor")) missing.push("amount (or amountMinor)");
  if (missing.length === 0) return;
  throw new AppError("VALIDATION", `The ${kind} file cannot be imported: missing column(s): ${missing.join(", ")}.`, {
    problems: missing.map((path) => ({ path, message: "required column is missing" })),
  });
}

export function validateOrderCsvRows(
  records: readonly CsvValues[],
  options: CsvImportOptions = {},
): BatchResult<PosOrder> {
  return validateBatch(records, posOrderSchema, {
    ...csvBatchOptions(records, ORDER_FIELDS),
    knownStoreIds: options.knownStoreIds,
    unknownStore: options.unknownStore,
    unique: { field: "merchantReference", key: (order) => order.merchantReference },
  });
}

export function validateReceiptCsvRows(
  records: readonly CsvValues[],
  options: CsvImportOptions = {},
): BatchResult<StandaloneReceipt> {
  return validateBatch(records, standaloneReceiptSchema, {
    ...csvBatchOptions(records, RECEIPT_FIELDS),
    knownStoreIds: options.knownStoreIds,
    unknownStore: options.unknownStore,
  });
}

function csvBatchOptions(records: readonly CsvValues[], fields: readonly string[]) {
  return {
    lineOf: (index: number) => records[index]?.line,
    prepare: (record: CsvValues) => mapCsvRecord(record.values, fields),
    // Report problems under the CSV column names people see in their file.
    fieldName: (path: string) =>
      path === "amount.currency" ? "currency" : path.startsWith("amount.") ? "amount" : path,
  };
}

/** Maps one CSV record onto the API shape: named text fields plus amount {value (minor units), currency}. */
export function mapCsvRecord(values: Readonly<Record<string, string>>, fields: readonly string[]): PreparedRow {
  const byName = new Map(Object.entries(values).map(([name, value]) => [normalizeHeaderName(name), value]));
  const cell = (name: string) => byName.get(normalizeHeaderName(name))?.trim() || undefined;
  const candidate: Record<string, unknown> = {};
  // Absent cells become undefined so that optional fields stay optional and required ones say "is required".
  for (const field of fields) candidate[field] = cell(field);
  const currency = cell("currency")?.toUpperCase();
  const { value, problems } = amountFromCells(cell("amount"), cell("amountMinor"), currency);
  candidate.amount = { value, currency };
  // When no value could be computed the amount problem is already reported (or the currency one explains it).
  return { value: candidate, problems, covered: value === undefined ? ["amount.value"] : [] };
}

function amountFromCells(
  major: string | undefined,
  minor: string | undefined,
  currency: string | undefined,
): { value: number | undefined; problems: FieldProblem[] } {
  if (major === undefined && minor === undefined) {
    return {
      value: undefined,
      problems: [{ path: "amount", message: "is required (amount in major units such as 12.50, or amountMinor)" }],
    };
  }
  let fromMinor: number | undefined;
  if (minor !== undefined) {
    const parsed = /^-?\d+$/.test(minor) ? Number(minor) : Number.NaN;
    if (!Number.isSafeInteger(parsed))
      return {
        value: undefined,
        problems: [{ path: "amountMinor", message: `"${minor}" is not a whole number of minor units` }],
      };
    fromMinor = parsed;
  }
  if (major === undefined) return { value: fromMinor, problems: [] };
  // Without a valid currency the major amount has no meaning; the currency problem is reported by the schema.
  if (currency === undefined || !isKnownCurrency(currency)) return { value: fromMinor, problems: [] };
  const parsed = tryParseMajorAmount(major, currency);
  if (!parsed.ok) return { value: undefined, problems: [{ path: "amount", message: parsed.reason }] };
  if (fromMinor !== undefined && fromMinor !== parsed.value) {
    return {
      value: undefined,
      problems: [{ path: "amount", message: `amount ${major} ${currency} and amountMinor ${minor} disagree` }],
    };
  }
  return { value: parsed.value, problems: [] };
}
