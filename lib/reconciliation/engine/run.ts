// Matching runs: full (rebuild beside and swap, see full-run.ts) or partial (a scope, see partial-run.ts).
import { runFull } from "./full-run";
import { runPartial, type PartialOptions } from "./partial-run";
import { loadMatchSettings, type MatchSettings } from "./settings";
import type { MatchScope } from "./scope";
import type { ReconcileResult } from "./result";

export type { ReconcileResult } from "./result";

type ExplicitScope = Exclude<MatchScope, { kind: "queue" }>;

export async function reconcile(
  scope: ExplicitScope = { kind: "full" },
  given?: MatchSettings,
  opts: PartialOptions = {},
): Promise<ReconcileResult> {
  const settings = given ?? (await loadMatchSettings());
  if (scope.kind === "full") return runFull(settings);
  return (await runPartial(scope, settings, opts)) as ReconcileResult;
}

/** One batch of queued changes (at most `limit` entries); null when nothing is pending. */
export async function reconcileQueued(limit: number, given?: MatchSettings): Promise<ReconcileResult | null> {
  return runPartial({ kind: "queue", limit }, given ?? (await loadMatchSettings()));
}
