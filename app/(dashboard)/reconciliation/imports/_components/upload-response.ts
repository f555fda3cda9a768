// What the upload route answers, checked on arrival: the page only renders what it understood.
import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/reconciliation/imports/types";

const problemSchema = z.object({
  index: z.number().optional(),
  line: z.number().optional(),
  field: z.string(),
  reason: z.string(),
});
const countsByKey = z.record(z.string(), z.number());

export const importedSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().nullable(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  problems: z.array(problemSchema),
  problemCount: z.number(),
  summary: z.object({
    byType: countsByKey.optional(),
    netByCurrency: z.record(z.string(), z.object({ credit: z.number(), debit: z.number() })).optional(),
    byStore: countsByKey.optional(),
    amountByCurrency: countsByKey.optional(),
  }),
});

export const rejectedSchema = z.object({
  error: z.object({
    message: z.string(),
    problems: z.array(problemSchema),
    problemCount: z.number(),
    rows: z.number(),
    rejected: z.number(),
  }),
});

export const failedSchema = z.object({
  error: z.object({
    message: z.string(),
    problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export type Imported = z.infer<typeof importedSchema>;
export type Rejected = z.infer<typeof rejectedSchema>["error"];
export type Problem = z.infer<typeof problemSchema>;

export type UploadOutcome =
  | { kind: "imported"; result: Imported }
  | { kind: "rejected"; result: Rejected }
  | { kind: "failed"; message: string; details: string[] };

export function readOutcome(status: number, body: unknown): UploadOutcome {
  if (status === 200) {
    const ok = importedSchema.safeParse(body);
    if (ok.success) return { kind: "imported", result: ok.data };
  }
  if (status === 422) {
    const rejected = rejectedSchema.safeParse(body);
    if (rejected.success) return { kind: "rejected", result: rejected.data.error };
  }
  const failed = failedSchema.safeParse(body);
  if (failed.success) {
    return {
      kind: "failed",
      message: failed.data.error.message,
      details: (failed.data.error.problems ?? []).map((p) => `${p.path}: ${p.message}`),
    };
  }
  return { kind: "failed", message: `HTTP ${status}`, details: [] };
}
