// What the global banner shows: the actor's stores that are degraded or in outage right now.
import { can, type Actor } from "@/lib/auth/permissions";
import { getStoreStatuses } from "./results";

export type BannerStore = {
  storeId: string;
  name: string;
  state: "degraded" | "outage";
  since: string | null;
  reason: string;
  /** Where the banner sends this user: the store's runbook, or the status panel for roles without a runbook. */
  target: "runbook" | "status";
};

export async function getBannerStores(actor: Actor): Promise<BannerStore[]> {
  const stores = await getStoreStatuses(actor);
  return stores
    .filter((s): s is typeof s & { state: "degraded" | "outage" } => s.state === "degraded" || s.state === "outage")
    .sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === "outage" ? -1 : 1))
    .map((s) => ({
      storeId: s.storeId,
      name: s.name,
      state: s.state,
      since: s.since,
      reason: s.reason,
      target: can(actor, "runbook.read", { storeId: s.storeId }) ? "runbook" : "status",
    }));
}
