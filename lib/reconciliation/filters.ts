// The reconciliation table's filters, shared by the page (URL search params), the API and the CSV export.
import { z } from "zod";
import { amountProblemText, parseTypedAmount, type AmountLocale, type AmountProblem } from "@/lib/money";

export const RECON_STATUSES = [
  "matched",
  "suggested",
  "mismatched",
  "expected",
  "missing",
  "unexpected",
  "duplicate",
] as const;
export const MATCH_METHODS = [
  "merchant_reference",
  "psp_reference",
  "payment_link",
  "standalone_heuristic",
  "manual",
] as const;
export const SORTS = ["occurred_at", "amount", "status", "confidence", "reference"] as const;

const dateTime = z
  .string()
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: "must be a date (YYYY-MM-DD) or an ISO timestamp" })
  .transform((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : new Date(v)));

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** An issue whose code and values a page words in the reader's language (messages: problems.*). */
function addProblem(
  ctx: z.RefinementCtx,
  problem: { code: string; values?: Record<string, string | number> },
  message: string,
  path?: string[],
) {
  ctx.addIssue({ code: "custom", message, params: problem, ...(path ? { path } : {}) });
}

/**
 * An amount of any currency in major units, typed as the reader's locale writes it ("12.50", "12,50", "1.250,00"),
 * kept as thousandths of a major unit: each item is compared in its own currency's major units (see whereFor).
 */
const majorAmount = (locale: AmountLocale) =>
  z.string().transform((text, ctx) => {
    const parsed = parseTypedAmount(text, null, locale);
    if (parsed.ok && parsed.value >= 0) return parsed.value;
    const problem: AmountProblem | { code: "amount.decimalsAny"; values: { decimals: number } } = parsed.ok
      ? { code: "amount.invalid" }
      : parsed.problem.code === "amount.decimals"
        ? { code: "amount.decimalsAny", values: { decimals: 3 } }
        : parsed.problem;
    const message =
      problem.code === "amount.decimalsAny"
        ? "has more than 3 decimals"
        : parsed.ok
          ? "must not be negative"
          : amountProblemText(problem);
    addProblem(ctx, problem, message);
    return z.NEVER;
  });

const minorAmount = z.coerce.number().int({ message: "must be whole minor units" }).min(0);

const filterShape = (locale: AmountLocale) =>
  z
    .object({
      status: z.preprocess(
        (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
        z.array(z.enum(RECON_STATUSES, { message: `status must be one of ${RECON_STATUSES.join(", ")}` })).optional(),
      ),
      store: z.preprocess(emptyToUndefined, z.string().trim().max(64).optional()),
      method: z.preprocess(
        emptyToUndefined,
        z.enum(MATCH_METHODS, { message: `method must be one of ${MATCH_METHODS.join(", ")}` }).optional(),
      ),
      from: z.preprocess(emptyToUndefined, dateTime.optional()),
      to: z.preprocess(emptyToUndefined, dateTime.optional()),
      // Major units of each item's currency, as typed (the page's filter form).
      amountMin: z.preprocess(emptyToUndefined, majorAmount(locale).optional()),
      amountMax: z.preprocess(emptyToUndefined, majorAmount(locale).optional()),
      // Minor units, compared as stored whatever the currency (the API's filters from before; kept as they were).
      minAmount: z.preprocess(emptyToUndefined, minorAmount.optional()),
      maxAmount: z.preprocess(emptyToUndefined, minorAmount.optional()),
      q: z.preprocess(emptyToUndefined, z.string().trim().max(80).optional()),
      sort: z.preprocess(emptyToUndefined, z.enum(SORTS).default("occurred_at")),
      dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).default("desc")),
      cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
      limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(50)),
    })
    .superRefine((f, ctx) => {
      // A range no item can fall into says so, instead of an empty table that looks like "nothing open".
      for (const [min, max] of [
        ["amountMin", "amountMax"],
        ["minAmount", "maxAmount"],
      ] as const) {
        const low = f[min];
        const high = f[max];
        if (low !== undefined && high !== undefined && low > high) {
          addProblem(ctx, { code: "amount.inverted" }, `is below the minimum (${min})`, [max]);
        }
      }
    });

const schemas = new Map<AmountLocale, ReturnType<typeof filterShape>>();

/** The filter schema reading typed amounts as `locale` writes them; the API and the export read them as English. */
export function reconFilterSchemaFor(locale: AmountLocale): ReturnType<typeof filterShape> {
  let schema = schemas.get(locale);
  if (!schema) {
    schema = filterShape(locale);
    schemas.set(locale, schema);
  }
  return schema;
}

export const reconFilterSchema = reconFilterSchemaFor("en");

export type ReconFilter = z.infer<typeof reconFilterSchema>;

/** Parses URLSearchParams or a plain record, with the first problem named. */
export function parseReconFilter(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
  locale: AmountLocale = "en",
): ReconFilter {
  const record: Record<string, string | undefined> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) record[k] = Array.isArray(v) ? v.join(",") : v;
  return reconFilterSchemaFor(locale).parse(record);
}

/**
 * A thousandths amount as major-unit text that reads the same in every locale (for links that leave the page): no
 * thousands marks, and never exactly three decimals after the point, which German would read as thousands.
 */
export function thousandthsText(value: number): string {
  const fraction = String(value % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  const whole = String(Math.floor(value / 1000));
  return fraction === "" ? whole : `${whole}.${fraction.length === 3 ? `${fraction}0` : fraction}`;
}
