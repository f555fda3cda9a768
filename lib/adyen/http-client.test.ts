import { describe, expect, it } from "vitest";
import { AdyenApiError } from "@/lib/adyen/errors";
import { AdyenHttpClient } from "@/lib/adyen/http-client";
import { adyenLibrary } from "@/lib/adyen/library";
import { fixture, startLocalServer, localServerForSuite } from "@/lib/adyen/test-support";

const API_KEY = "AQE-secret-api-key-do-not-leak";
const invalid422 = fixture("payment-links/php-payment-links-invalid-422.json");
const server = localServerForSuite();

const config = (timeout = 2_000) => new adyenLibrary.Config({ apiKey: API_KEY, connectionTimeoutMillis: timeout });

async function failure(promise: Promise<unknown>): Promise<AdyenApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AdyenApiError);
  return err as AdyenApiError;
}

function expectNoKey(err: AdyenApiError): void {
  for (const text of [err.message, String(err), err.stack ?? "", JSON.stringify(err), err.adyenMessage ?? ""]) {
    expect(text).not.toContain(API_KEY);
  }
}

describe("AdyenHttpClient against a local server", () => {
  it("routes to the base URL keeping path and query, and sends the auth and idempotency headers", async () => {
    const client = new AdyenHttpClient({ baseUrl: server().url });
    const body = await client.request("https://management-test.adyen.com/v3/terminals", "", config(), false, {
      method: "GET",
      params: { storeIds: "S1,S2", pageSize: "100" },
    });
    expect(body).toBe('{"ok":true}');
    await client.request("https://checkout-test.adyen.com/v72/paymentLinks", '{"a":1}', config(), false, {
      idempotencyKey: "key-1",
    });

    const [get, post] = server().requests;
    expect(get).toMatchObject({ method: "GET", url: "/v3/terminals?storeIds=S1%2CS2&pageSize=100", body: "" });
    expect(get?.headers["x-api-key"]).toBe(API_KEY);
    expect(get?.headers["idempotency-key"]).toBeUndefined();
    expect(post).toMatchObject({ method: "POST", url: "/v72/paymentLinks", body: '{"a":1}' });
    expect(post?.headers["idempotency-key"]).toBe("key-1");
    expect(post?.headers["content-type"]).toBe("application/json");
  });

  it("turns a slow answer into a timeout error without an HTTP status", async () => {
    server().reply("hang");
    const client = new AdyenHttpClient({ baseUrl: server().url });
    const started = Date.now();
    const err = await failure(
      client.request("https://checkout-test.adyen.com/v72/paymentLinks", "{}", config(150), false),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err).toMatchObject({ kind: "timeout", httpStatus: undefined, code: "UPSTREAM" });
    expectNoKey(err);
  });

  it("keeps status, errorCode, errorType and message of a 422 ServiceError", async () => {
    server().reply({ status: 422, body: invalid422, headers: { pspReference: "PSP123" } });
    const client = new AdyenHttpClient({ baseUrl: server().url });
    const err = await failure(
      client.request("https://checkout-test.adyen.com/v72/paymentLinks", "{}", config(), false),
    );
    expect(err).toMatchObject({
      kind: "http",
      httpStatus: 422,
      errorCode: "130",
      errorType: "validation",
      adyenMessage: "Reference Missing",
    });
    expect(err).toMatchObject({ pspReference: "PSP123", transientHeader: false, isTransient: false });
    expect(err.message).toContain("HTTP 422");
  });

  it("detects transient-error: true and reads RFC 7807 bodies", async () => {
    const problem = {
      type: "https://docs.adyen.com/errors/x",
      errorCode: "704",
      title: "Conflict",
      detail: "Request already processing",
      status: 409,
      requestId: "R1",
    };
    server().reply({ status: 409, body: problem, headers: { "transient-error": "true" } });
    const client = new AdyenHttpClient({ baseUrl: server().url });
    const err = await failure(
      client.request("https://management-test.adyen.com/v3/terminals/T1/terminalSettings", "{}", config(), false, {
        method: "PATCH",
      }),
    );
    expect(err).toMatchObject({
      httpStatus: 409,
      errorCode: "704",
      adyenMessage: "Request already processing",
      pspReference: "R1",
      transientHeader: true,
    });
    expect(server().requests[0]?.method).toBe("PATCH");
  });

  it("never puts the API key in errors, even when the answer echoes it", async () => {
    server().reply({
      status: 401,
      body: { status: 401, errorCode: "000", message: `Invalid key ${API_KEY}`, errorType: "security" },
    });
    const client = new AdyenHttpClient({ baseUrl: server().url });
    const http = await failure(
      client.request("https://checkout-test.adyen.com/v72/paymentLinks", "{}", config(), false),
    );
    expect(http.httpStatus).toBe(401);
    expectNoKey(http);

    const closed = await startLocalServer();
    await closed.close();
    const network = await failure(
      new AdyenHttpClient({ baseUrl: closed.url }).request(
        "https://checkout-test.adyen.com/v72/paymentLinks",
        "{}",
        config(),
        false,
      ),
    );
    expect(network).toMatchObject({ kind: "network", httpStatus: undefined, networkCode: "ECONNREFUSED" });
    expectNoKey(network);
  });

  it("refuses to call Adyen's own hosts without an API key", async () => {
    const client = new AdyenHttpClient();
    await expect(
      client.request("https://checkout-test.adyen.com/v72/paymentLinks", "{}", new adyenLibrary.Config({}), false),
    ).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
  });

  it("rejects an Idempotency-Key longer than 64 characters before sending", async () => {
    const client = new AdyenHttpClient({ baseUrl: server().url });
    const call = client.request("https://checkout-test.adyen.com/v72/paymentLinks", "{}", config(), false, {
      idempotencyKey: "k".repeat(65),
    });
    await expect(call).rejects.toMatchObject({ code: "VALIDATION" });
    expect(server().requests).toHaveLength(0);
  });
});
