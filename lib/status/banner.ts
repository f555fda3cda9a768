// What the global banner shows: the actor's stores that are degraded or in outage in the request's status snapshot,
// and those whose unstable link is back and being watched (said calmly: payments through the POS work again).
import { can, type Actor } from "@/lib/auth/permissions";
import type { StoreStatus } from "@/lib/status/types";
import type { Reason } from "./verdicts/reason";
import { readStatusSnapshot } from "./snapshot";

export type BannerStore = {
  storeId: string;
  name: string;
  /** watching: a flapping store whose link is back (its verdict stays degraded for alerts until it is steady). */
  state: "degraded" | "outage" | "watching";
  since: string | null;
  why: Reason;
  watchedUntil: string | null;
  /** Where the banner sends this user: the store's runbook, or the status panel for roles without a runbook. */
  target: "runbook" | "status";
  /** Whether the banner offers to take a payment by link in this store straight away. */
  canTakeLink: boolean;
};

/** The banner's stores at one moment (`generatedAt`: the snapshot they come from). */
export type BannerState = { generatedAt: string; stores: BannerStore[] };

const RANK = { outage: 0, degraded: 1, watching: 2 } as const;

export function bannerStoresOf(actor: Actor, stores: StoreStatus[]): BannerStore[] {
  return stores
    .flatMap((s): BannerStore[] => {
      if (s.state !== "degraded" && s.state !== "outage") return [];
      const state = s.watchedUntil ? "watching" : s.state;
      const runbook = can(actor, "runbook.read", { storeId: s.storeId });
      return [
        {
          storeId: s.storeId,
          name: s.name,
          state,
          since: s.since,
          why: s.why,
          watchedUntil: s.watchedUntil,
          target: runbook ? "runbook" : "status",
          canTakeLink: runbook && state !== "watching" && can(actor, "links.create", { storeId: s.storeId }),
        },
      ];
    })
    .sort((a, b) => RANK[a.state] - RANK[b.state] || a.name.localeCompare(b.name));
}

export async function getBannerState(actor: Actor): Promise<BannerState> {
  const snapshot = await readStatusSnapshot(actor);
  return { generatedAt: snapshot.generatedAt, stores: bannerStoresOf(actor, snapshot.stores) };
}
