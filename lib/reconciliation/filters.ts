// The reconciliation table's filters, shared by the page (URL search params), the API and the CSV export.
import { z } from "zod";

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

export const reconFilterSchema = z.object({
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
  minAmount: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int({ message: "must be whole minor units" }).min(0).optional(),
  ),
  maxAmount: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int({ message: "must be whole minor units" }).min(0).optional(),
  ),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(80).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(SORTS).default("occurred_at")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).default("desc")),
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(50)),
});

export type ReconFilter = z.infer<typeof reconFilterSchema>;

/** Parses URLSearchParams or a plain record, with the first problem named. */
export function parseReconFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): ReconFilter {
  const record: Record<string, string | undefined> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) record[k] = Array.isArray(v) ? v.join(",") : v;
  return reconFilterSchema.parse(record);
}
