// Signed Adyen notifications for the webhook benchmark: realistic POS AUTHORISATION items with unique
// pspReferences, and a share of exact redeliveries of bodies sent before (as Adyen's retries are).
import { computeHmacSignature } from "../lib/adyen/hmac.ts";

export type Delivery = { body: string; pspReference: string; isRedelivery: boolean };

const STORES = ["ST3224Z22322422M4B8PB4XK4", "ST3224Z22322422M4B8PB4XK5", "ST3224Z22322422M4B8PB4XK6"];

function item(psp: string, n: number, hmacKey: string): Record<string, unknown> {
  const store = STORES[n % STORES.length] ?? "";
  const unsigned = {
    amount: { currency: "EUR", value: 100 + ((n * 7919) % 19900) },
    eventCode: "AUTHORISATION",
    eventDate: new Date(Date.UTC(2026, 2, 14, 9) + n * 1000).toISOString().replace(".000Z", "+00:00"),
    merchantAccountCode: "BenchMerchantPOS",
    merchantReference: `ORD-${psp}`,
    paymentMethod: "visa",
    pspReference: psp,
    reason: `0${100000 + (n % 899999)}:1111:03/2030`,
    success: "true",
  };
  const additionalData = {
    authCode: String(100000 + (n % 899999)),
    cardSummary: "1111",
    cardBin: "411111",
    expiryDate: "03/2030",
    paymentMethodVariant: "visa",
    shopperInteraction: "POS",
    terminalId: `V400m-${324688000 + (n % 40)}`,
    tenderReference: `T${String(n).padStart(9, "0")}`,
    store,
  };
  return { ...unsigned, additionalData: { ...additionalData, hmacSignature: computeHmacSignature(unsigned, hmacKey) } };
}

/**
 * `count` deliveries; about `redeliveryShare` of them resend an earlier body verbatim. Generated up front so
 * the load generator only writes bytes while it measures.
 */
export function makeDeliveries(
  count: number,
  opts: { prefix: string; hmacKey: string; redeliveryShare: number },
): Delivery[] {
  const out: Delivery[] = [];
  // Deterministic spacing instead of randomness: runs are comparable and the share is exact.
  const every = opts.redeliveryShare > 0 ? Math.round(1 / opts.redeliveryShare) : 0;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const earlier = out[Math.max(0, i - 1 - (i % 97))];
    if (every > 0 && i % every === every - 1 && earlier) {
      out.push({ ...earlier, isRedelivery: true });
      continue;
    }
    const psp = `${opts.prefix}${String(n).padStart(16 - opts.prefix.length, "0")}`;
    const body = JSON.stringify({
      live: "false",
      notificationItems: [{ NotificationRequestItem: item(psp, n, opts.hmacKey) }],
    });
    out.push({ body, pspReference: psp, isRedelivery: false });
    n++;
  }
  return out;
}
