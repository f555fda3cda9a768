// One reading of the verdicts per request: the banner (in the layout), a page's store cards and terminal counts,
// and the runbook's advice all come from it, so no two parts of one page contradict each other.
import { cache } from "react";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { StatusOverview, StoreStatus } from "@/lib/status/types";
import { readProvider, type ProviderView } from "./provider-read";
import { getComponentStatuses, getStoreStatuses } from "./results";

export type StatusSnapshot = { generatedAt: string; provider: ProviderView; stores: StoreStatus[] };

/** Every store the actor may see, read once per request (React's cache: the layout and the page share it). */
export const readStatusSnapshot = cache(async (actor: Actor): Promise<StatusSnapshot> => {
  assertCan(actor, "status.read");
  const provider = await readProvider();
  const stores = await getStoreStatuses(actor, { provider });
  return { generatedAt: new Date().toISOString(), provider, stores };
});

export async function getStatusOverview(actor: Actor): Promise<StatusOverview & { provider: ProviderView }> {
  const [snapshot, components] = await Promise.all([readStatusSnapshot(actor), getComponentStatuses(actor)]);
  return { ...snapshot, components };
}
