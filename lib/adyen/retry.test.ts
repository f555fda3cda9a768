import { describe, expect, it } from "vitest";
import { AdyenApiError, parseRetryAfter, type AdyenApiErrorInit } from "@/lib/adyen/errors";
import {
  backoffDelayMs,
  isRetryableAdyenError,
  newIdempotencyKey,
  withAdyenReadRetry,
  withAdyenRetry,
  type AdyenRetryOptions,
} from "@/lib/adyen/retry";

const call = { method: "POST", path: "/v72/paymentLinks" };
const httpError = (init: Partial<AdyenApiErrorInit>) => new AdyenApiError({ kind: "http", ...call, ...init });
const transient422 = () => httpError({ httpStatus: 422, errorCode: "704", transientHeader: true });
const networkError = () => new AdyenApiError({ kind: "network", ...call, networkCode: "ECONNRESET" });
const timeoutError = () => new AdyenApiError({ kind: "timeout", ...call });

/** Runs the policy over a scripted sequence of failures followed by "ok", recording keys and sleeps. */
async function run(failures: Error[], opts: Partial<AdyenRetryOptions> = {}) {
  const keys: string[] = [];
  const sleeps: number[] = [];
  const key = newIdempotencyKey();
  const promise = withAdyenRetry(
    async ({ attempt, idempotencyKey }) => {
      keys.push(idempotencyKey);
      const failure = failures[attempt - 1];
      if (failure) throw failure;
      return "ok";
    },
    { idempotencyKey: key, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms), ...opts },
  );
  return { promise, keys, sleeps, key };
}

describe("withAdyenRetry", () => {
  it("retries a response marked transient-error with the same idempotency key", async () => {
    const { promise, keys, key } = await run([transient422(), httpError({ httpStatus: 500, transientHeader: true })]);
    await expect(promise).resolves.toEqual({ result: "ok", attempts: 3 });
    expect(keys).toEqual([key, key, key]);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("retries the idempotency error codes 704 (409/422) and 703 (503)", async () => {
    const failures = [
      httpError({ httpStatus: 409, errorCode: "704" }),
      httpError({ httpStatus: 422, errorCode: "704" }),
      httpError({ httpStatus: 503, errorCode: "703" }),
    ];
    const { promise } = await run(failures);
    await expect(promise).resolves.toEqual({ result: "ok", attempts: 4 });
  });

  it("retries network errors and timeouts", async () => {
    const { promise } = await run([networkError(), timeoutError()]);
    await expect(promise).resolves.toEqual({ result: "ok", attempts: 3 });
  });

  it.each([
    ["422 validation", { httpStatus: 422, errorCode: "130" }],
    ["401", { httpStatus: 401 }],
    ["429", { httpStatus: 429 }],
    ["500 not marked transient", { httpStatus: 500, errorCode: "000" }],
    ["503 not marked transient", { httpStatus: 503 }],
  ])("does not retry %s", async (_name, init) => {
    const error = httpError(init);
    const { promise, keys, sleeps } = await run([error]);
    await expect(promise).rejects.toBe(error);
    expect(keys).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(error.attempts).toBe(1);
  });

  it("does not retry errors that are not Adyen errors", async () => {
    const bug = new TypeError("bug");
    const { promise, keys } = await run([bug]);
    await expect(promise).rejects.toBe(bug);
    expect(keys).toHaveLength(1);
  });

  it("bounds the attempts (default 4) and throws the last error annotated with the count", async () => {
    const errors = [transient422(), networkError(), timeoutError(), transient422(), transient422()];
    const { promise, keys, sleeps } = await run(errors);
    const thrown = await promise.catch((e: unknown) => e);
    expect(thrown).toBe(errors[3]);
    expect((thrown as AdyenApiError).attempts).toBe(4);
    expect(keys).toHaveLength(4);
    expect(sleeps).toHaveLength(3);

    const two = await run([networkError(), networkError(), networkError()], { maxAttempts: 2 });
    await expect(two.promise).rejects.toMatchObject({ attempts: 2 });
    expect(two.keys).toHaveLength(2);
  });

  it("backs off exponentially with full jitter, capped", async () => {
    const always = () => [
      transient422(),
      transient422(),
      transient422(),
      transient422(),
      transient422(),
      transient422(),
    ];
    const top = await run(always(), { random: () => 0.999999, maxAttempts: 7 });
    await top.promise.catch(() => undefined);
    expect(top.sleeps).toEqual([199, 399, 799, 1599, 3199, 4999]);

    const half = await run(always(), { random: () => 0.5, maxAttempts: 4 });
    await half.promise.catch(() => undefined);
    expect(half.sleeps).toEqual([100, 200, 400]);

    const randoms = [0.1, 0.9, 0.3];
    const jittered = await run(always(), { random: () => randoms.shift() ?? 0, maxAttempts: 4 });
    await jittered.promise.catch(() => undefined);
    expect(jittered.sleeps).toEqual([20, 360, 240]);
  });

  it("reports each retry to onRetry", async () => {
    const seen: number[] = [];
    const { promise } = await run([networkError()], { onRetry: ({ attempt }) => void seen.push(attempt) });
    await promise;
    expect(seen).toEqual([1]);
  });

  it("refuses to run without a usable idempotency key", async () => {
    const operation = async () => "never";
    await expect(withAdyenRetry(operation, { idempotencyKey: "" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(withAdyenRetry(operation, { idempotencyKey: "k".repeat(65) })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

describe("retry building blocks", () => {
  it("classifies errors", () => {
    expect(isRetryableAdyenError(httpError({ httpStatus: 422, transientHeader: true }))).toBe(true);
    expect(isRetryableAdyenError(httpError({ httpStatus: 422 }))).toBe(false);
    expect(isRetryableAdyenError(new Error("x"))).toBe(false);
  });

  it("never exceeds the cap", () => {
    expect(backoffDelayMs(30, () => 0.999999, 200, 5_000)).toBeLessThan(5_000);
    expect(backoffDelayMs(1, () => 0)).toBe(0);
  });
});

describe("withAdyenReadRetry", () => {
  const throttled = (retryAfterMs?: number) =>
    new AdyenApiError({ kind: "http", method: "GET", path: "/v3/terminals", httpStatus: 429, retryAfterMs });

  it("waits out a 429 for its Retry-After without using up attempts", async () => {
    const sleeps: number[] = [];
    const waits: number[] = [];
    const failures = [throttled(2000), throttled(1000), throttled(1000), throttled(1000), networkError()];
    const result = await withAdyenReadRetry(
      async () => {
        const failure = failures.shift();
        if (failure) throw failure;
        return "ok";
      },
      {
        maxAttempts: 2,
        random: () => 0,
        sleep: async (ms) => void sleeps.push(ms),
        onThrottled: (ms) => void waits.push(ms),
      },
    );
    expect(result).toBe("ok");
    expect(sleeps).toEqual([2000, 1000, 1000, 1000, 0]);
    expect(waits).toHaveLength(4);
  });

  it("backs off on a 429 without Retry-After, and gives up on errors that retrying cannot fix", async () => {
    const sleeps: number[] = [];
    const failures: Error[] = [throttled(), httpError({ httpStatus: 404 })];
    const run = withAdyenReadRetry(
      async () => {
        throw failures.shift() ?? new Error("unexpected");
      },
      { random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) },
    );
    await expect(run).rejects.toMatchObject({ httpStatus: 404 });
    expect(sleeps).toEqual([100]);
  });

  it("retries 5xx answers for reads", async () => {
    let calls = 0;
    const result = await withAdyenReadRetry(
      async () => {
        if (++calls < 3) throw httpError({ httpStatus: 500 });
        return calls;
      },
      { sleep: async () => undefined },
    );
    expect(result).toBe(3);
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 10:00:05 GMT", Date.parse("2026-11-29T10:00:00Z"))).toBe(5000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("704 in flight", () => {
  it("waits at least inFlightMinDelayMs before retrying a 704", async () => {
    const { promise, sleeps } = await run([transient422(), networkError()], {
      random: () => 0,
      inFlightMinDelayMs: 300,
    });
    await promise;
    expect(sleeps).toEqual([300, 0]);
  });
});
