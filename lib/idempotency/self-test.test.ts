// The self-test against the real simulator over HTTP, and the app's own calls recorded and audited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdyen, type AdyenConfig } from "@/lib/adyen/client";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/lib/testing/database";
import { closeIdempotencyPool } from "@/lib/idempotency/pg";
import { startTestSim, TEST_API_KEY, type TestSim } from "@/sim/test-support/sim-harness";
import { analyzeDashboard } from "@/lib/idempotency/dashboard";
import {
  flushAdyenExchangeRecording,
  startAdyenExchangeRecording,
  stopAdyenExchangeRecording,
} from "@/lib/idempotency/recorder";
import { lastSelfTest, runSelfTest } from "@/lib/idempotency/self-test";

withTestDatabase({ beforeDrop: closeIdempotencyPool });

let t: TestSim;
let slow: TestSim;
const configFor = (sim: TestSim, over: Partial<AdyenConfig> = {}): AdyenConfig => ({
  apiKey: TEST_API_KEY,
  merchantAccount: sim.sim.merchantAccount,
  environment: "TEST",
  liveUrlPrefix: undefined,
  region: "EU",
  baseUrl: sim.sim.url,
  timeoutMs: 5_000,
  ...over,
});

beforeAll(async () => {
  t = await startTestSim();
  slow = await startTestSim({ checkoutProcessingMs: 0 });
  setEnvForTests({ LOG_LEVEL: "silent", ADYEN_API_BASE_URL: t.sim.url });
});
afterAll(async () => {
  stopAdyenExchangeRecording();
  await t.close();
  await slow.close();
});

describe("runSelfTest", () => {
  it("passes all three steps against the simulator and tidies its links away", async () => {
    const result = await runSelfTest("system", { config: configFor(t), pauseMs: 150 });
    expect(result.steps.map((s) => [s.id, s.outcome, s.note])).toEqual([
      ["replay", "pass", "replayed"],
      ["concurrent", "pass", "conflict_704"],
      ["new_key", "pass", "new_resource"],
    ]);
    expect(result.outcome).toBe("pass");
    const concurrent = result.steps[1]?.requests ?? [];
    expect(concurrent.find((r) => r.errorCode === "704")).toMatchObject({ status: 422, transient: true });
    const state = (await t.control<{ links: { status: string }[] }>("GET", "/_sim/state")).body;
    expect(state.links.length).toBeGreaterThanOrEqual(3);
    expect(state.links.every((l) => l.status === "expired")).toBe(true);
    expect((await lastSelfTest("system"))?.ranAt).toBe(result.ranAt);
  });

  it("says inconclusive when the two requests never overlapped (a server that answers instantly)", async () => {
    const result = await runSelfTest("system", { config: configFor(slow), pauseMs: 10 });
    expect(result.steps[1]).toMatchObject({ outcome: "inconclusive", note: "no_overlap" });
  });

  it("fails the replay when the idempotency store is down (503/703) and skips the rest", async () => {
    await t.control("POST", "/_sim/faults/idempotency-store", { available: false });
    try {
      const result = await runSelfTest("system", { config: configFor(t) });
      expect(result.steps.map((s) => s.outcome)).toEqual(["fail", "skipped", "skipped"]);
      expect(result.steps[0]?.requests[0]).toMatchObject({ status: 503, errorCode: "703", transient: true });
    } finally {
      await t.control("POST", "/_sim/faults/idempotency-store", { available: true });
    }
  });

  it("refuses to run in LIVE, and for roles without idempotency.self_test", async () => {
    await expect(runSelfTest("system", { config: configFor(t, { environment: "LIVE" }) })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    const finance = { kind: "user" as const, id: "u", label: "f", role: "finance" as const, storeIds: "all" as const };
    await expect(runSelfTest(finance, { config: configFor(t) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("this dashboard's own calls", () => {
  it("are recorded redacted (not the self-test's) and audited like any traffic", async () => {
    startAdyenExchangeRecording();
    const adyen = createAdyen(configFor(t));
    const link = (reference: string) => ({
      amount: { currency: "EUR", value: 990 },
      merchantAccount: t.sim.merchantAccount,
      reference,
    });
    await adyen.paymentLinks.paymentLinks(link("POS-1"), { idempotencyKey: randomUUID() });
    await adyen.paymentLinks.paymentLinks(link("POS-2"), { idempotencyKey: randomUUID() });
    await adyen.paymentLinks.paymentLinks(link("POS-3"));
    await runSelfTest("system", { config: configFor(t), pauseMs: 150 });
    await flushAdyenExchangeRecording();
    const rows = await db().adyenExchange.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.method, r.status])).toEqual([
      ["POST", 201],
      ["POST", 201],
      ["POST", 201],
    ]);
    const text = JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(text).not.toContain(TEST_API_KEY);
    expect(rows[0]?.requestHeaders).toMatchObject({ "x-api-key": "[redacted]" });

    const summary = await analyzeDashboard("system");
    expect(summary).toMatchObject({ entries: 3, adyenRequests: 3 });
    expect(summary.findings.missing_idempotency_key).toBe(1);
    expect(summary.readiness.byEndpoint).toEqual([
      { endpoint: "Checkout /paymentLinks", requests: 3, ready: 0.6667, verdict: "not ready" },
    ]);
  });
});
