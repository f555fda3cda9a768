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
    storeNames: z.record(z.string(), z.string()).optional(),
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
    problems: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  }),
});

export type Imported = z.infer<typeof importedSchema>;
export type Rejected = z.infer<typeof rejectedSchema>["error"];
export type Problem = z.infer<typeof problemSchema>;

export type UploadOutcome =
  | { kind: "imported"; result: Imported }
  | { kind: "rejected"; result: Rejected }
  | { kind: "failed"; message: string; details: string[]; wrongFile?: string };

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
    const problems = failed.data.error.problems ?? [];
    // A file that is not CSV at all: the page says what it is, in the reader's language.
    const wrongFile = problems.find((p) => p.path === "file" && p.code?.startsWith("file."))?.code?.slice(5);
    return {
      kind: "failed",
      message: failed.data.error.message,
      details: wrongFile ? [] : problems.map((p) => `${p.path}: ${p.message}`),
      ...(wrongFile ? { wrongFile } : {}),
    };
  }
  return { kind: "failed", message: `HTTP ${status}`, details: [] };
}
