import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Delivery } from "../server";
import { contractErrors } from "../test-support/contracts";
import { startTestSim, TEST_HMAC_KEY, waitFor, type TestSim } from "../test-support/sim-harness";
import { startWebhookReceiver, type WebhookReceiver } from "../test-support/webhook-receiver";
import { computeHmacSignature } from "../webhook-signing";

type Item = {
  pspReference: string;
  merchantReference: string;
  success: string;
  eventCode: string;
  amount: { value: number; currency: string };
  additionalData: Record<string, string>;
};
function itemOf(body: unknown): Item {
  const item = (body as { notificationItems: { NotificationRequestItem: Item }[] }).notificationItems[0]
    ?.NotificationRequestItem;
  if (!item) throw new Error("notification without NotificationRequestItem");
  return item;
}

describe("webhook delivery", () => {
  let t: TestSim;
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    t = await startTestSim({ webhookUsername: "adyen-user", webhookPassword: "s3cret" });
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    await t.control("POST", "/_sim/reset");
  });

  async function useReceiver(opts: Parameters<typeof startWebhookReceiver>[0] = {}): Promise<WebhookReceiver> {
    receiver = await startWebhookReceiver(opts);
    // Credentials stay those given at start; only the URL changes here.
    t.sim.setWebhookTarget({ url: receiver.url, username: "adyen-user", password: "s3cret" });
    return receiver;
  }

  async function createLink(reference: string): Promise<string> {
    const res = await t.api<{ id: string }>(
      "POST",
      "/v72/paymentLinks",
      {
        amount: { currency: "EUR", value: 4200 },
        merchantAccount: t.sim.merchantAccount,
        reference,
      },
      { "idempotency-key": randomUUID() },
    );
    return res.body.id;
  }

  it("retries on Adyen's schedule (scaled by timeScale) until the endpoint accepts", async () => {
    const r = await useReceiver({ failFirst: 5 });
    const linkId = await createLink("POS-3001");
    await t.control("POST", `/_sim/payment-links/${linkId}/payments`, { outcome: "authorised" });
    const delivery = await waitFor(() => t.sim.webhookDeliveries().find((d) => d.status === "delivered"), 10_000);
    expect(delivery.attempts.map((a) => a.accepted)).toEqual([false, false, false, false, false, true]);
    expect(r.received).toHaveLength(6);
    const gaps = r.received.slice(1).map((w, i) => w.at - (r.received[i]?.at ?? 0));
    // Quick retries come at once; queued ones wait 2 and 5 minutes, divided by timeScale 1000.
    expect(gaps[3]).toBeGreaterThanOrEqual(100);
    expect(gaps[4]).toBeGreaterThanOrEqual(250);
    const auth = r.received[0]?.headers.authorization;
    expect(auth).toBe(`Basic ${Buffer.from("adyen-user:s3cret").toString("base64")}`);
  });

  it("sends a signed AUTHORISATION per link payment, valid against the Webhooks spec", async () => {
    const r = await useReceiver();
    const linkId = await createLink("POS-3002");
    await t.control("POST", `/_sim/payment-links/${linkId}/payments`, { outcome: "refused" });
    await t.control("POST", `/_sim/payment-links/${linkId}/payments`, { outcome: "authorised" });
    await t.control("POST", `/_sim/payment-links/${linkId}/payments`, { outcome: "authorised", force: true });
    await waitFor(() => (r.received.length === 3 ? true : undefined));
    const items = r.received.map((w) => itemOf(w.body));
    expect(items.map((i) => i.success)).toEqual(["false", "true", "true"]);
    for (const w of r.received)
      expect(contractErrors("Webhooks-v1", "AuthorisationNotificationRequest", w.body)).toEqual([]);
    for (const item of items) {
      expect(item).toMatchObject({
        eventCode: "AUTHORISATION",
        merchantReference: "POS-3002",
        amount: { value: 4200, currency: "EUR" },
      });
      expect(item.additionalData["paymentLinkId"]).toBe(linkId);
      expect(item.additionalData["hmacSignature"]).toBe(computeHmacSignature(item, TEST_HMAC_KEY));
    }
    // Paid twice: two distinct successful payments for one link.
    expect(new Set(items.filter((i) => i.success === "true").map((i) => i.pspReference)).size).toBe(2);
  });

  it("keeps notifications pending without a target and delivers them once one is set", async () => {
    t.sim.setWebhookTarget(null);
    const linkId = await createLink("POS-3003");
    await t.control("POST", `/_sim/payment-links/${linkId}/payments`, { outcome: "authorised" });
    await new Promise((res) => setTimeout(res, 50));
    expect(t.sim.webhookDeliveries().map((d: Delivery) => [d.status, d.attempts.length])).toEqual([["pending", 0]]);
    receiver = await startWebhookReceiver();
    const set = await t.control("POST", "/_sim/webhooks/target", { url: receiver.url });
    expect(set.status).toBe(200);
    await waitFor(() => (receiver?.received.length === 1 ? true : undefined));
    const listed = await t.control<{ deliveries: Delivery[] }>("GET", "/_sim/webhooks?eventCode=AUTHORISATION");
    expect(listed.body.deliveries[0]?.status).toBe("delivered");
  });

  it("does not hold up API requests while an endpoint is slow", async () => {
    await useReceiver({ delayMs: 800 });
    const linkId = await createLink("POS-3004");
    await t.control("POST", `/_sim/payment-links/${linkId}/payments`, { outcome: "authorised" });
    const started = Date.now();
    expect((await t.api("GET", `/v72/paymentLinks/${linkId}`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(400);
  });
});
