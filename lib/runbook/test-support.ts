// Test support for the runbook: principals, and Adyen services pointed at a real simulator (sim/test-support).
import { createAdyen, type Adyen } from "@/lib/adyen/client";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import type { LinkDeps } from "@/lib/runbook/payment-links/deps";
import { TEST_API_KEY, type TestSim } from "@/sim/test-support/sim-harness";

export function principal(role: Role, storeIds: string[] | "all" = "all"): Principal {
  return { kind: "user", id: `user-${role}`, label: `${role}@example.test`, role, storeIds };
}

export function adyenFor(t: TestSim, timeoutMs = 5_000): Adyen {
  return createAdyen({
    apiKey: TEST_API_KEY,
    merchantAccount: t.sim.merchantAccount,
    environment: "TEST",
    liveUrlPrefix: undefined,
    region: "EU",
    baseUrl: t.sim.url,
    timeoutMs,
  });
}

/** Fast retries, so tests that go through several attempts stay quick. */
export function linkDepsFor(t: TestSim, overrides: Partial<LinkDeps> = {}): LinkDeps {
  return {
    adyen: adyenFor(t),
    merchantAccount: t.sim.merchantAccount,
    now: () => new Date(),
    retry: { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 100, inFlightMinDelayMs: 60 },
    ...overrides,
  };
}

/** Simulator links, from its control API. */
export async function simLinks(t: TestSim): Promise<{ id: string; reference: string; status: string }[]> {
  const state = await t.control<{ links: { id: string; reference: string; status: string }[] }>("GET", "/_sim/state");
  return state.body.links;
}
