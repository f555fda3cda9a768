// Reachability and latency of Checkout and Management with a cheap authenticated call each. For Checkout, a
// lookup of a payment link that does not exist: Adyen's error answer (404/422) proves the API is there and took
// the key; 401/403 means the credentials were refused.
import type { Adyen } from "@/lib/adyen/client";
import { getPaymentLink } from "@/lib/adyen/payment-links";
import { isAdyenApiError } from "@/lib/adyen/errors";
import { describeFailure } from "./describe-error";
import { since } from "./limiter";

export type ApiProbeResult =
  { ok: true; latencyMs: number } | { ok: false; kind: "down" | "error"; text: string; latencyMs: number };

const PROBE_LINK_ID = "PLPROBE0000000000000";

async function timed(call: () => Promise<unknown>, timeoutMs: number, answered: (err: unknown) => boolean) {
  const started = performance.now();
  try {
    await call();
    return { ok: true as const, latencyMs: since(started) };
  } catch (err) {
    if (answered(err)) return { ok: true as const, latencyMs: since(started) };
    const f = describeFailure(err, timeoutMs);
    const text = f.httpStatus === 401 || f.httpStatus === 403 ? `credentials refused (${f.text})` : f.text;
    return { ok: false as const, kind: f.kind, text, latencyMs: since(started) };
  }
}

export function probeCheckout(adyen: Adyen, timeoutMs: number): Promise<ApiProbeResult> {
  return timed(
    () => getPaymentLink(adyen, PROBE_LINK_ID),
    timeoutMs,
    (err) => isAdyenApiError(err) && (err.httpStatus === 404 || err.httpStatus === 422),
  );
}

export function probeManagement(adyen: Adyen, timeoutMs: number): Promise<ApiProbeResult> {
  return timed(
    () => adyen.me.getApiCredentialDetails(),
    timeoutMs,
    () => false,
  );
}
