import { describe, expect, it } from "vitest";
import { contractErrors } from "./test-support/contracts";
import { simPerSuite } from "./test-support/sim-per-suite";

describe("simulator server", () => {
  const t = simPerSuite();

  it("answers Checkout with a ServiceError 401 when the API key is missing or wrong", async () => {
    for (const headers of [{ "x-api-key": "" }, { "x-api-key": "wrong-key" }]) {
      const res = await t.api("GET", "/v72/paymentLinks/PL0000000000000000", undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        status: 401,
        errorCode: "000",
        message: "HTTP Status Response - Unauthorized",
        errorType: "security",
      });
      expect(contractErrors("CheckoutService-v72", "ServiceError", res.body)).toEqual([]);
    }
  });

  it("answers Management and Cloud device API with their RFC 7807 error on a bad key", async () => {
    const mgmt = await t.api("GET", "/v3/terminals", undefined, { "x-api-key": "nope" });
    expect(mgmt.status).toBe(401);
    expect(contractErrors("ManagementService-v3", "RestServiceError", mgmt.body)).toEqual([]);
    expect(mgmt.body).toMatchObject({ errorCode: "00_401", title: "Unauthorized", status: 401 });
    const device = await t.api("GET", `/v1/merchants/${t.sim.merchantAccount}/connectedDevices`, undefined, {
      "x-api-key": "nope",
    });
    expect(device.status).toBe(401);
    expect(contractErrors("CloudDeviceService-v1", "DefaultErrorResponseEntity", device.body)).toEqual([]);
    const sync = await t.api("POST", "/sync", {}, { "x-api-key": "nope" });
    expect(sync.status).toBe(401);
  });

  it("serves the control API and the public pages without an API key", async () => {
    expect((await t.control("GET", "/_sim/state")).status).toBe(200);
    expect((await t.control("GET", "/status/api/incident-messages/active")).status).toBe(200);
  });

  it("answers unknown API paths with 404 in the family's error shape", async () => {
    const res = await t.api("GET", "/v72/nothingHere");
    expect(res.status).toBe(404);
    expect(contractErrors("CheckoutService-v72", "ServiceError", res.body)).toEqual([]);
  });

  it("injects transient 5xx errors per API family at the configured rate", async () => {
    await t.control("POST", "/_sim/faults/error-rate", { family: "management", rate: 1, status: 500 });
    const failed = await t.api("GET", "/v3/terminals");
    expect(failed.status).toBe(500);
    expect(failed.headers.get("transient-error")).toBe("true");
    expect(contractErrors("ManagementService-v3", "RestServiceError", failed.body)).toEqual([]);
    // Other families are not affected.
    expect((await t.api("GET", `/v1/merchants/${t.sim.merchantAccount}/connectedDevices`)).status).toBe(200);
    await t.control("POST", "/_sim/faults/error-rate", { family: "management", rate: 0 });
    expect((await t.api("GET", "/v3/terminals")).status).toBe(200);
  });

  it("adds latency per API family", async () => {
    await t.control("POST", "/_sim/faults/latency", { family: "device", ms: 150 });
    const started = Date.now();
    await t.api("GET", `/v1/merchants/${t.sim.merchantAccount}/connectedDevices`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("rejects invalid control bodies with a clear message", async () => {
    const res = await t.control("POST", "/_sim/faults/error-rate", { family: "nope", rate: 2 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/family/);
    expect(JSON.stringify(res.body)).toMatch(/rate/);
  });
});
