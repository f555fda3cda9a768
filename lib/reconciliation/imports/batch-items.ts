// Turns a validateBatch result back into one item per input row, in input order, so that every import
// source (JSON array, CSV chunk) feeds the same runner and extra checks can reject rows that passed the schema.
import type { BatchResult } from "@/lib/validation/batch";
import type { ImportItem, RowProblem } from "@/lib/reconciliation/imports/types";

type Where = { index?: number; line?: number };

/**
 * validateBatch returns the valid rows without their positions; a row is valid exactly when it has no
 * problem, so the valid rows fill, in order, the positions that no problem names.
 */
export function toItems<T>(count: number, result: BatchResult<T>, locate: (index: number) => Where): ImportItem<T>[] {
  const problemsByIndex = new Map<number, RowProblem[]>();
  for (const problem of result.problems) {
    const list = problemsByIndex.get(problem.index) ?? [];
    list.push({ field: problem.field, reason: problem.reason });
    problemsByIndex.set(problem.index, list);
  }
  const items: ImportItem<T>[] = [];
  let nextValid = 0;
  for (let index = 0; index < count; index++) {
    const problems = problemsByIndex.get(index);
    if (problems) {
      items.push({ kind: "invalid", ...locate(index), problems });
      continue;
    }
    const row = result.valid[nextValid++];
    if (row === undefined) throw new Error("validateBatch returned fewer valid rows than expected");
    items.push({ kind: "row", row, ...locate(index) });
  }
  return items;
}

/** Rejects the valid rows the check objects to, in order; invalid rows pass through unchanged. */
export function rejectWhere<T>(
  items: readonly ImportItem<T>[],
  check: (row: T, where: Where) => RowProblem | undefined,
): ImportItem<T>[] {
  return items.map((item) => {
    if (item.kind === "invalid") return item;
    const problem = check(item.row, { index: item.index, line: item.line });
    return problem ? { kind: "invalid", index: item.index, line: item.line, problems: [problem] } : item;
  });
}

/** Puts rejected rows first: an input that will be refused anyway is then refused before anything is written. */
export function invalidFirst<T>(items: readonly ImportItem<T>[]): ImportItem<T>[] {
  return [...items.filter((item) => item.kind === "invalid"), ...items.filter((item) => item.kind === "row")];
}
