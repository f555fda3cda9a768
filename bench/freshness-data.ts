// Data of the freshness benchmark: background history (so a full run has real work), the orders the webhook
// stream will pay, a finance user and API token, and the signed notifications themselves.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { computeHmacSignature } from "../lib/adyen/hmac.ts";
import { createApiToken } from "../lib/auth/api-tokens.ts";
import { createUser } from "../lib/auth/users.ts";
import { reconcile } from "../lib/reconciliation/engine/run.ts";
import { generateReconcileData } from "./reconcile-data.ts";
import type { Delivery } from "./webhook-payloads.ts";

export const STREAM_STORE = "STBENCH1";
export const ref = (i: number) => `FR-${String(i).padStart(7, "0")}`;
const amountOf = (i: number) => 100 + ((i * 7919) % 19900);

export async function prepareData(
  client: pg.Client,
  o: { background: number; streamed: number },
): Promise<{ email: string; password: string; token: string; fullMs: number }> {
  await generateReconcileData(client, {
    orders: o.background,
    events: o.background,
    receipts: Math.round(o.background / 50),
  });
  // The orders the stream pays, rung up just before: the POS sends orders first, Adyen the payment after.
  await client.query(
    `INSERT INTO pos_orders (merchant_reference, store_id, amount_value, currency, ordered_at, terminal_id, source, updated_at)
     SELECT 'FR-' || lpad(g::text, 7, '0'), $2, 100 + (g::bigint * 7919) % 19900, 'EUR', now() - interval '1 minute', 'V400m-1', 'api', now()
     FROM generate_series(0, $1::int - 1) g`,
    [o.streamed, STREAM_STORE],
  );
  const t = performance.now();
  await reconcile({ kind: "full" });
  const fullMs = performance.now() - t;
  const password = `Fr-${randomBytes(18).toString("base64url")}-9a`;
  const user = await createUser({ email: "finance@bench.local", role: "finance", password }, "system");
  const { token } = await createApiToken({ name: "freshness bench", role: "finance" }, "system");
  return { email: user.email, password, token, fullMs };
}

export function streamDeliveries(count: number, hmacKey: string): Delivery[] {
  const out: Delivery[] = [];
  for (let i = 0; i < count; i++) {
    const psp = `FRESH${String(i).padStart(11, "0")}`;
    const unsigned = {
      amount: { currency: "EUR", value: amountOf(i) },
      eventCode: "AUTHORISATION",
      eventDate: new Date().toISOString().replace(/\.\d+Z$/, "+00:00"),
      merchantAccountCode: "BenchMerchantPOS",
      merchantReference: ref(i),
      paymentMethod: "visa",
      pspReference: psp,
      success: "true",
    };
    const additionalData = {
      terminalId: "V400m-1",
      store: STREAM_STORE,
      hmacSignature: computeHmacSignature(unsigned, hmacKey),
    };
    const body = JSON.stringify({
      live: "false",
      notificationItems: [{ NotificationRequestItem: { ...unsigned, additionalData } }],
    });
    out.push({ body, pspReference: psp, isRedelivery: false });
  }
  return out;
}
