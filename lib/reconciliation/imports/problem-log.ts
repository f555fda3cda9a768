// Collects rejected rows' problems for the report, keeping memory bounded when a huge file is all wrong.
import type { ImportProblem, ProblemReport, RejectedRow } from "@/lib/reconciliation/imports/types";

/** Enough for a person or a POS to fix a file; beyond this only the count grows. */
export const MAX_PROBLEMS_KEPT = 10_000;

export class ProblemLog {
  /** Rejected rows (a row may have several problems). */
  rows = 0;
  private count = 0;
  private readonly kept: ImportProblem[] = [];

  add(row: RejectedRow): void {
    this.rows += 1;
    const problems = row.problems.length > 0 ? row.problems : [{ field: "(row)", reason: "is invalid" }];
    for (const problem of problems) {
      this.count += 1;
      if (this.kept.length >= MAX_PROBLEMS_KEPT) continue;
      this.kept.push({
        ...(row.index === undefined ? {} : { index: row.index }),
        ...(row.line === undefined ? {} : { line: row.line }),
        field: problem.field,
        reason: problem.reason,
      });
    }
  }

  report(): ProblemReport {
    return { problems: this.kept, problemCount: this.count };
  }
}
