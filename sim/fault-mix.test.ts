import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pickFault, createFaultMix, createRateLimit, takeRateLimit } from "./fault-mix";
import { contractErrors } from "./test-support/contracts";
import { TEST_API_KEY } from "./test-support/sim-harness";
import { simPerSuite } from "./test-support/sim-per-suite";

describe("rate limit window", () => {
  it("lets `limit` requests through per window, then answers with the seconds left", () => {
    const limit = createRateLimit(2, 10_000, 0);
    expect(takeRateLimit(limit, 0)).toBeNull();
    expect(takeRateLimit(limit, 1)).toBeNull();
    expect(takeRateLimit(limit, 2_500)).toEqual({ retryAfterSeconds: 8 });
    expect(takeRateLimit(limit, 10_000)).toBeNull();
    expect(limit.rejected).toBe(1);
  });
});

describe("fault mix", () => {
  it("faults the given share and picks kinds by weight", () => {
    const mix = createFaultMix(0.5, { drop: 1, latency: 3 }, 10);
    const values = [0.4, 0.1, 0.4, 0.5, 0.9];
    const random = () => values.shift() ?? 0.99;
    expect(pickFault(mix, random)).toBe("drop");
    expect(pickFault(mix, random)).toBe("latency");
    expect(pickFault(mix, random)).toBeNull();
    expect(mix.counts).toMatchObject({ drop: 1, latency: 1, transient503: 0, inFlight704: 0 });
  });
});

describe("rate limit and fault mix over HTTP", () => {
  const t = simPerSuite();

  it("answers 429 in Management's error shape with Retry-After once the window is used up", async () => {
    const set = await t.control("POST", "/_sim/faults/rate-limit", {
      family: "management",
      limit: 2,
      windowMs: 60_000,
    });
    expect(set.status).toBe(200);
    expect((await t.api("GET", "/v3/stores")).status).toBe(200);
    expect((await t.api("GET", "/v3/stores")).status).toBe(200);
    const limited = await t.api("GET", "/v3/terminals");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    expect(contractErrors("ManagementService-v3", "RestServiceError", limited.body)).toEqual([]);
    // Other families are not limited.
    expect((await t.api("GET", "/v72/paymentLinks/PL0000")).status).toBe(404);
    await t.control("POST", "/_sim/faults/rate-limit", { family: "management", limit: null });
    expect((await t.api("GET", "/v3/terminals")).status).toBe(200);
  });

  it("a 704 fault does not process the request; a drop fault does, and the retry replays it", async () => {
    const body = { amount: { value: 100, currency: "EUR" }, merchantAccount: t.sim.merchantAccount, reference: "r" };
    const links = async () => ((await t.control<{ links: unknown[] }>("GET", "/_sim/state")).body.links ?? []).length;

    await t.control("POST", "/_sim/faults/mix", { family: "checkout", rate: 1, weights: { inFlight704: 1 } });
    const key = randomUUID();
    const conflict = await t.api("POST", "/v72/paymentLinks", body, { "idempotency-key": key });
    expect(conflict.status).toBe(422);
    expect(conflict.body).toMatchObject({ errorCode: "704" });
    expect(conflict.headers.get("transient-error")).toBe("true");
    expect(await links()).toBe(0);

    await t.control("POST", "/_sim/faults/mix", { family: "checkout", rate: 1, weights: { drop: 1 } });
    await expect(
      fetch(`${t.sim.url}/v72/paymentLinks`, {
        method: "POST",
        headers: { "x-api-key": TEST_API_KEY, "idempotency-key": key, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    ).rejects.toThrow();
    expect(await links()).toBe(1);
    await t.control("POST", "/_sim/faults/mix", { family: "checkout", rate: 0 });
    const replay = await t.api("POST", "/v72/paymentLinks", body, { "idempotency-key": key });
    expect(replay.status).toBe(201);
    expect(await links()).toBe(1);
  });

  it("rejects an unknown fault kind", async () => {
    const res = await t.control("POST", "/_sim/faults/mix", { family: "checkout", rate: 1, weights: { boom: 1 } });
    expect(res.status).toBe(400);
  });
});
