import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contractErrors } from "./test-support/contracts";
import { startTestSim, TEST_HMAC_KEY, waitFor, type TestSim } from "./test-support/sim-harness";
import { startWebhookReceiver, type WebhookReceiver } from "./test-support/webhook-receiver";
import { computeHmacSignature, type SignableItem } from "./webhook-signing";

type Receipt = {
  pspReference: string;
  tenderReference: string;
  terminalId: string;
  authCode: string;
  lastFour: string;
  cardBrand: string;
  localTime: string;
};

describe("standalone terminal payments", () => {
  let t: TestSim;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestSim({ webhookUrl: receiver.url });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await t.control("POST", "/_sim/reset");
    receiver.received.length = 0;
  });

  const pay = (body: Record<string, unknown>) => t.control<Receipt>("POST", "/_sim/standalone-payments", body);

  it("returns receipt data and sends an AUTHORISATION webhook without a merchant reference", async () => {
    const res = await pay({
      terminalId: "V400m-346403294",
      amount: { value: 2350, currency: "EUR" },
      at: "2026-03-01T11:15:00Z",
      cardBrand: "mc",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      terminalId: "V400m-346403294",
      cardBrand: "mc",
      lastFour: "1115",
      localTime: "12:15:00",
    });
    expect(res.body.authCode).toMatch(/^\d{6}$/);
    expect(res.body.tenderReference).toMatch(/^[a-z0-9]{4}00\d{13}$/);

    await waitFor(() => (receiver.received.length === 1 ? true : undefined));
    const body = receiver.received[0]?.body;
    expect(contractErrors("Webhooks-v1", "AuthorisationNotificationRequest", body)).toEqual([]);
    type Item = SignableItem & { additionalData: Record<string, string>; eventDate: string };
    const item = (body as { notificationItems: { NotificationRequestItem: Item }[] }).notificationItems[0]
      ?.NotificationRequestItem;
    if (!item) throw new Error("notification without NotificationRequestItem");
    expect(item.merchantReference).toBe("");
    expect(item.pspReference).toBe(res.body.pspReference);
    expect(item.eventDate).toBe("2026-03-01T12:15:00+01:00");
    expect(item.additionalData).toMatchObject({
      terminalId: "V400m-346403294",
      tenderReference: res.body.tenderReference,
      cardSummary: "1115",
      authCode: res.body.authCode,
      paymentMethod: "mc",
    });
    expect(item.additionalData["hmacSignature"]).toBe(computeHmacSignature(item, TEST_HMAC_KEY));

    const terminals = await t.api<{ data: { lastTransactionAt?: string }[] }>(
      "GET",
      "/v3/terminals?searchQuery=V400m-346403294",
    );
    expect(terminals.body.data[0]?.lastTransactionAt).toBe("2026-03-01T11:15:00.000Z");
  });

  it("sends a merchant reference the terminal made up, or the tender reference, when asked", async () => {
    const items = async (): Promise<{ merchantReference: string; additionalData: Record<string, string> }[]> =>
      receiver.received.map(
        (r) =>
          (
            r.body as {
              notificationItems: {
                NotificationRequestItem: { merchantReference: string; additionalData: Record<string, string> };
              }[];
            }
          ).notificationItems[0]!.NotificationRequestItem,
      );
    const own = await pay({
      terminalId: "V400m-346403294",
      amount: { value: 990, currency: "EUR" },
      at: "2026-03-01T11:15:00Z",
      reference: "terminal",
    });
    expect(own.status).toBe(201);
    const tender = await pay({
      terminalId: "V400m-346403294",
      amount: { value: 990, currency: "EUR" },
      reference: "tender",
    });
    await waitFor(() => (receiver.received.length === 2 ? true : undefined));
    const [first, second] = await items();
    expect(first?.merchantReference).toBe("V400m-346403294-1772363700");
    expect(own.body).toMatchObject({ merchantReference: "V400m-346403294-1772363700" });
    expect(first?.additionalData["terminalId"]).toBe("V400m-346403294");
    expect(second?.merchantReference).toBe(tender.body.tenderReference);
    expect(
      (await pay({ terminalId: "V400m-346403294", amount: { value: 1, currency: "EUR" }, reference: "pos" })).status,
    ).toBe(400);
  });

  it("keeps working during a cloud outage", async () => {
    await t.control("POST", "/_sim/outages", { all: true, active: true });
    expect((await pay({ terminalId: "V400m-346403294", amount: { value: 100, currency: "EUR" } })).status).toBe(201);
  });

  it("refuses terminals without standalone mode, not boarded, or in another currency", async () => {
    expect((await pay({ terminalId: "P400Plus-691669784", amount: { value: 100, currency: "EUR" } })).status).toBe(409);
    expect((await pay({ terminalId: "V400m-606474687", amount: { value: 100, currency: "EUR" } })).status).toBe(409);
    expect((await pay({ terminalId: "V400m-346403294", amount: { value: 100, currency: "USD" } })).status).toBe(409);
    expect((await pay({ terminalId: "V400m-000000000", amount: { value: 100, currency: "EUR" } })).status).toBe(404);
    expect(receiver.received).toHaveLength(0);
  });
});
