// What a matching run reports (logged by jobs, printed by `ops reconcile` and the benchmarks).
export type ReconcileResult = {
  scope: "full" | "partial";
  /** Queue entries the run took care of (incremental runs). */
  changes?: number;
  orders: number;
  items: number;
  byStatus: Record<string, number>;
  rounds: number;
  ms: number;
  /** Full runs: of `ms`, the time spent giving way to incremental matching that was behind. */
  pausedMs?: number;
  /** Full runs: whether parallel workers were allowed (not while live matching goes on). */
  parallel?: boolean;
  /** The slowest statements of the run. */
  slowest: { sql: string; ms: number }[];
  /** Incremental runs: how many batches one call took. */
  batches?: number;
};
