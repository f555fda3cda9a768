// Validates many rows at once (API batches, CSV imports) and reports every problem of every invalid row,
// so a user fixes a file in one pass instead of one error per upload.
import type { z } from "zod";
import type { FieldProblem } from "@/lib/errors";

/** `index` is the row's position in the input; `line` its line in the source file when known. */
export type BatchProblem = { index: number; line?: number; field: string; reason: string };

export type BatchResult<T> = { valid: T[]; problems: BatchProblem[] };

/** What a row looks like before the schema sees it, e.g. a CSV record turned into the API shape. */
export type PreparedRow = {
  value: unknown;
  problems: FieldProblem[];
  /** Paths whose schema issues would only repeat a problem already reported (e.g. an amount that could not be computed). */
  covered?: readonly string[];
};

export type BatchOptions<T, R = unknown> = {
  /** Store ids that exist (and the caller may use); any other storeId is reported per row. */
  knownStoreIds?: ReadonlySet<string>;
  /** Why a storeId names no known store (default: "unknown store"). */
  unknownStore?: (storeId: string) => string;
  /** Source line of a row, for files. */
  lineOf?: (index: number) => number | undefined;
  /** Turns a raw row into the schema's input shape first. */
  prepare?: (row: R, index: number) => PreparedRow;
  /** Renames schema paths for the user, e.g. "amount.currency" → "currency" for CSV columns. */
  fieldName?: (path: string) => string;
  /** Rows whose key repeats an earlier valid row's key are reported, e.g. the same merchantReference twice. */
  unique?: { field: string; key: (row: T) => string };
};

export function validateBatch<S extends z.ZodType, R = unknown>(
  rows: readonly R[],
  schema: S,
  options: BatchOptions<z.output<S>, R> = {},
): BatchResult<z.output<S>> {
  const valid: z.output<S>[] = [];
  const problems: BatchProblem[] = [];
  const firstIndexByKey = new Map<string, number>();
  const rename = options.fieldName ?? ((path: string) => path);

  rows.forEach((row, index) => {
    const prepared: PreparedRow = options.prepare ? options.prepare(row, index) : { value: row, problems: [] };
    const rowProblems: FieldProblem[] = [...prepared.problems];
    const covered = new Set([...(prepared.covered ?? []), ...prepared.problems.map((problem) => problem.path)]);
    const result = schema.safeParse(prepared.value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join(".");
        if (![...covered].some((done) => path === done || path.startsWith(`${done}.`)))
          rowProblems.push({ path, message: issue.message });
      }
    }
    const storeId = result.success ? readStoreId(result.data) : readStoreId(prepared.value)?.trim();
    if (options.knownStoreIds && storeId && !options.knownStoreIds.has(storeId)) {
      rowProblems.push({ path: "storeId", message: options.unknownStore?.(storeId) ?? `unknown store "${storeId}"` });
    }
    if (result.success && rowProblems.length === 0 && options.unique) {
      const key = options.unique.key(result.data);
      const first = firstIndexByKey.get(key);
      if (first === undefined) firstIndexByKey.set(key, index);
      else rowProblems.push({ path: options.unique.field, message: `repeats ${describe(first, options.lineOf)}` });
    }

    if (result.success && rowProblems.length === 0) {
      valid.push(result.data);
      return;
    }
    const line = options.lineOf?.(index);
    for (const problem of rowProblems) {
      problems.push({
        index,
        ...(line === undefined ? {} : { line }),
        field: rename(problem.path) || "(row)",
        reason: problem.message,
      });
    }
  });
  return { valid, problems };
}

function readStoreId(row: unknown): string | undefined {
  if (typeof row !== "object" || row === null || !("storeId" in row)) return undefined;
  return typeof row.storeId === "string" ? row.storeId : undefined;
}

function describe(index: number, lineOf: ((index: number) => number | undefined) | undefined): string {
  const line = lineOf?.(index);
  return line === undefined ? `row ${index}` : `line ${line}`;
}
