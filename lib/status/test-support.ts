// Test support for the status panel: a real simulator, the app's configuration pointed at it, and the demo
// stores with their terminals in the test database.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { seedDemoTerminals } from "@/prisma/seed/demo-terminals";
import { DEMO_CATALOG } from "@/sim/catalog";
import { startTestSim, TEST_API_KEY, TEST_HMAC_KEY, type TestSim } from "@/sim/test-support/sim-harness";

export function statusEnv(sim: TestSim, extra: Record<string, string> = {}): void {
  setEnvForTests({
    SIMULATOR_MODE: "true",
    ADYEN_API_KEY: TEST_API_KEY,
    ADYEN_MERCHANT_ACCOUNT: sim.sim.merchantAccount,
    ADYEN_HMAC_KEYS: TEST_HMAC_KEY,
    ADYEN_API_BASE_URL: sim.sim.url,
    ADYEN_STATUS_URL: `${sim.sim.url}/status`,
    STATUS_PROBE_INTERVAL_S: "15",
    LOG_LEVEL: "silent",
    ...extra,
  });
}

export async function seedStoresAndTerminals(): Promise<void> {
  await db().$transaction(async (tx) => {
    for (const s of DEMO_CATALOG.stores) {
      await tx.store.upsert({
        where: { id: s.id },
        create: { id: s.id, name: s.name, timezone: s.timezone },
        update: {},
      });
    }
    await seedDemoTerminals(tx);
  });
}

/** A simulator for the file, reset before each test, with the env pointed at it. */
export function simForSuite(): () => TestSim {
  let sim: TestSim | undefined;
  beforeAll(async () => {
    sim = await startTestSim();
    statusEnv(sim);
  });
  afterAll(() => sim?.close());
  beforeEach(async () => {
    await sim?.control("POST", "/_sim/reset");
  });
  return () => {
    if (!sim) throw new Error("simulator not started");
    return sim;
  };
}

/** Removes what earlier tests of the file left: verdicts, runs, transitions, incidents, windows, alerts. */
export async function clearStatus(): Promise<void> {
  await db().$executeRawUnsafe(
    "TRUNCATE status_probe_runs, status_verdicts, status_transitions, status_incidents, maintenance_windows, alert_deliveries, alert_endpoints, status_provider_snapshots, status_rollups",
  );
  await db().terminal.updateMany({ data: { connected: null, connectedCheckedAt: null } });
}
