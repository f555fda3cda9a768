// The status panel's verdict per store, as the runbook uses it: the one place the runbook asks lib/status. It reads
// the request's status snapshot, so the runbook's advice and the banner above it come from the same reading.
import type { Actor } from "@/lib/auth/permissions";
import { readStatusSnapshot, type StoreStatus } from "@/lib/status";

export type StoreVerdict = Pick<
  StoreStatus,
  "storeId" | "state" | "since" | "reason" | "why" | "disagreement" | "disagreementWhy" | "watchedUntil"
> & { terminals: StoreStatus["terminals"] | null; generatedAt: string };

/** Verdicts for the given stores the actor may see (all of them when none are given). */
export async function storeVerdicts(actor: Actor, storeIds?: string[]): Promise<StoreVerdict[]> {
  const snapshot = await readStatusSnapshot(actor);
  const wanted = storeIds ? new Set(storeIds) : null;
  return snapshot.stores
    .filter((s) => !wanted || wanted.has(s.storeId))
    .map((s) => ({
      storeId: s.storeId,
      state: s.state,
      since: s.since,
      reason: s.reason,
      why: s.why,
      terminals: s.terminals,
      disagreement: s.disagreement,
      disagreementWhy: s.disagreementWhy,
      watchedUntil: s.watchedUntil,
      generatedAt: snapshot.generatedAt,
    }));
}

export async function storeVerdict(actor: Actor, storeId: string): Promise<StoreVerdict | null> {
  return (await storeVerdicts(actor, [storeId])).find((v) => v.storeId === storeId) ?? null;
}
