import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contractErrors } from "../test-support/contracts";
import { TEST_API_KEY } from "../test-support/sim-harness";
import { simPerSuite } from "../test-support/sim-per-suite";

type Link = { id: string };

describe("Idempotency-Key on POST /v72/paymentLinks", () => {
  const t = simPerSuite();
  const body = (reference = "POS-2001") => ({
    amount: { currency: "EUR", value: 990 },
    merchantAccount: t.sim.merchantAccount,
    reference,
  });
  const post = (key: string, b: unknown = body()) =>
    t.api<Link>("POST", "/v72/paymentLinks", b, { "idempotency-key": key });
  const linkCount = async () => (await t.control<{ links: unknown[] }>("GET", "/_sim/state")).body.links.length;

  it("replays the stored response for the same key and body, creating the link once", async () => {
    const key = randomUUID();
    const first = await post(key);
    // Same JSON with keys in another order is the same request.
    const second = await post(key, {
      reference: "POS-2001",
      merchantAccount: t.sim.merchantAccount,
      amount: { value: 990, currency: "EUR" },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotency-key")).toBe(key);
    expect(await linkCount()).toBe(1);
  });

  it("answers 422/704 with transient-error while the first request is still in flight", async () => {
    await t.control("POST", "/_sim/faults/latency", { family: "checkout", ms: 400 });
    const key = randomUUID();
    const first = post(key);
    await new Promise((r) => setTimeout(r, 100));
    const duplicate = await post(key);
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toMatchObject({ status: 422, errorCode: "704", errorType: "validation" });
    expect(duplicate.headers.get("transient-error")).toBe("true");
    expect(contractErrors("CheckoutService-v72", "ServiceError", duplicate.body)).toEqual([]);
    expect((await first).status).toBe(201);
    const retried = await post(key);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe((await first).body.id);
    expect(await linkCount()).toBe(1);
  });

  it("answers a concurrent duplicate with 704 without injected latency, since a write takes time as at Adyen", async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([post(key), post(key)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 422]);
    const conflict = a.status === 422 ? a : b;
    expect(conflict.body).toMatchObject({ errorCode: "704" });
    expect(conflict.headers.get("transient-error")).toBe("true");
    expect(conflict.headers.get("idempotency-key")).toBe(key);
    expect(await linkCount()).toBe(1);
  });

  it("refuses the same key with a different body, without transient-error", async () => {
    const key = randomUUID();
    expect((await post(key)).status).toBe(201);
    const other = await post(key, body("POS-9999"));
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ errorCode: "704" });
    expect(other.headers.get("transient-error")).toBeNull();
    expect(await linkCount()).toBe(1);
  });

  it("answers 503/703 with transient-error while the idempotency store is unavailable", async () => {
    await t.control("POST", "/_sim/faults/idempotency-store", { available: false });
    const res = await post(randomUUID());
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 503, errorCode: "703" });
    expect(res.headers.get("transient-error")).toBe("true");
    expect(contractErrors("CheckoutService-v72", "ServiceError", res.body)).toEqual([]);
    expect(await linkCount()).toBe(0);
    // Requests without a key do not touch the store.
    expect((await t.api("POST", "/v72/paymentLinks", body())).status).toBe(201);
  });

  it("rejects keys longer than 64 characters", async () => {
    const res = await post("k".repeat(65));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "702" });
    expect((await post("k".repeat(64))).status).toBe(201);
  });

  it("keeps the effect of a request whose connection was dropped, so the retry replays it", async () => {
    await t.control("POST", "/_sim/faults/drop-connection", { count: 1, family: "checkout" });
    const key = randomUUID();
    const init = {
      method: "POST",
      headers: { "x-api-key": TEST_API_KEY, "idempotency-key": key, "content-type": "application/json" },
      body: JSON.stringify(body()),
    };
    await expect(fetch(`${t.sim.url}/v72/paymentLinks`, init)).rejects.toThrow();
    expect(await linkCount()).toBe(1);
    const retry = await post(key);
    expect(retry.status).toBe(201);
    expect(await linkCount()).toBe(1);
  });

  it("does not remember transient failures, so a retry with the same key is processed", async () => {
    await t.control("POST", "/_sim/faults/error-rate", { family: "checkout", rate: 1 });
    const key = randomUUID();
    expect((await post(key)).status).toBe(503);
    await t.control("POST", "/_sim/faults/error-rate", { family: "checkout", rate: 0 });
    expect((await post(key)).status).toBe(201);
  });
});
