// One Checkout call with everything Adyen answered (status, headers, body), for the idempotency self-test: the
// official library hides response headers, and the test must see `Idempotency-Key` echoed and `transient-error`.
// Same routing, key header and timeout as the library's transport; reported to exchange observers like every call.
import type { AdyenConfig } from "@/lib/adyen/client";
import { AdyenApiError } from "@/lib/adyen/errors";
import { reportAdyenExchange } from "@/lib/adyen/exchange-observer";
import { routeAdyenUrl } from "@/lib/adyen/routing";
import { AppError } from "@/lib/errors";

export const CHECKOUT_TEST_URL = "https://checkout-test.adyen.com/v72";
export const SELF_TEST_USER_AGENT = "merchant-ops self-test";

export type RawAdyenResponse = { status: number; headers: Headers; bodyText: string; durationMs: number };

/** Sends to Adyen's TEST Checkout (or the configured base URL); LIVE is refused here, not merely avoided. */
export async function callCheckoutTest(
  config: AdyenConfig,
  path: string,
  init: { method: "POST" | "PATCH"; body: unknown; idempotencyKey?: string },
): Promise<RawAdyenResponse> {
  if (config.environment !== "TEST") {
    throw new AppError(
      "UNPROCESSABLE",
      "Refused: this call is for Adyen's test environment, and ADYEN_ENVIRONMENT is LIVE.",
    );
  }
  const url = routeAdyenUrl(`${CHECKOUT_TEST_URL}${path}`, undefined, config.baseUrl);
  const headers = new Headers({
    "Content-Type": "application/json",
    Accept: "application/json",
    "User-Agent": SELF_TEST_USER_AGENT,
  });
  if (config.apiKey) headers.set("X-API-Key", config.apiKey);
  if (init.idempotencyKey) headers.set("Idempotency-Key", init.idempotencyKey);
  const body = JSON.stringify(init.body);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  const startedAt = Date.now();
  const exchange = { startedAt, method: init.method, url: url.href, requestHeaders: headers, requestBody: body };
  try {
    const res = await fetch(url, { method: init.method, headers, body, redirect: "manual", signal: controller.signal });
    const bodyText = await res.text();
    const durationMs = Date.now() - startedAt;
    reportAdyenExchange({
      ...exchange,
      status: res.status,
      responseHeaders: res.headers,
      responseBody: bodyText,
      durationMs,
    });
    return { status: res.status, headers: res.headers, bodyText, durationMs };
  } catch (err) {
    reportAdyenExchange({
      ...exchange,
      status: null,
      responseHeaders: undefined,
      responseBody: undefined,
      durationMs: Date.now() - startedAt,
    });
    const call = { method: init.method, path: url.pathname };
    if (controller.signal.aborted) throw new AdyenApiError({ kind: "timeout", ...call });
    const cause = (err as { cause?: { code?: unknown } }).cause;
    throw new AdyenApiError({
      kind: "network",
      ...call,
      networkCode: typeof cause?.code === "string" ? cause.code : undefined,
    });
  } finally {
    clearTimeout(timer);
  }
}
