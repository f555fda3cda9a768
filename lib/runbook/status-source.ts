// The status panel's verdict per store, as the runbook uses it. The status panel (lib/status) owns the verdicts;
// this is the one place the runbook asks for them.
import type { Principal } from "@/lib/auth/principal";
import type { VerdictState } from "@/lib/runbook/recommendation";

export type StoreVerdict = {
  storeId: string;
  state: VerdictState;
  since: string | null;
  reason: string;
  terminals: { total: number; connected: number } | null;
  disagreement: string | null;
};

/**
 * Verdicts for the given stores. Returns an empty list while no status panel is available to this build: the
 * runbook then shows "no verdict" and the manager decides (the recommendation says so).
 */
export async function storeVerdicts(_actor: Principal | "system", _storeIds?: string[]): Promise<StoreVerdict[]> {
  return [];
}

export async function storeVerdict(actor: Principal | "system", storeId: string): Promise<StoreVerdict | null> {
  return (await storeVerdicts(actor, [storeId])).find((v) => v.storeId === storeId) ?? null;
}
