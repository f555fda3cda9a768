// What the global banner shows: the actor's stores that are degraded or in outage right now.
import type { Actor } from "@/lib/auth/permissions";
import { getStoreStatuses } from "./results";

export type BannerStore = {
  storeId: string;
  name: string;
  state: "degraded" | "outage";
  since: string | null;
  reason: string;
};

export async function getBannerStores(actor: Actor): Promise<BannerStore[]> {
  const stores = await getStoreStatuses(actor);
  return stores
    .filter((s): s is typeof s & { state: "degraded" | "outage" } => s.state === "degraded" || s.state === "outage")
    .sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === "outage" ? -1 : 1))
    .map((s) => ({ storeId: s.storeId, name: s.name, state: s.state, since: s.since, reason: s.reason }));
}
