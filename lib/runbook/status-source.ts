// The status panel's verdict per store, as the runbook uses it: the one place the runbook asks lib/status.
import type { Actor } from "@/lib/auth/permissions";
import { getStoreStatuses } from "@/lib/status";
import type { VerdictState } from "@/lib/runbook/recommendation";

export type StoreVerdict = {
  storeId: string;
  state: VerdictState;
  since: string | null;
  reason: string;
  terminals: { total: number; connected: number } | null;
  disagreement: string | null;
};

/** Verdicts for the given stores (all the actor may see when none are given). */
export async function storeVerdicts(actor: Actor, storeIds?: string[]): Promise<StoreVerdict[]> {
  const statuses = await getStoreStatuses(actor, storeIds ? { storeIds } : {});
  return statuses.map((s) => ({
    storeId: s.storeId,
    state: s.state,
    since: s.since,
    reason: s.reason,
    terminals: s.terminals,
    disagreement: s.disagreement,
  }));
}

export async function storeVerdict(actor: Actor, storeId: string): Promise<StoreVerdict | null> {
  return (await storeVerdicts(actor, [storeId])).find((v) => v.storeId === storeId) ?? null;
}
