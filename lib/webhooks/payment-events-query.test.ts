import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { ROLES } from "@/lib/auth/roles";
import { setEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/lib/testing/database";
import { closeWebhookPool } from "@/lib/webhooks/pg-runner";
import { listPaymentEvents, paymentEventsQuerySchema } from "@/lib/webhooks/payment-events-query";
import { receiveNotifications } from "@/lib/webhooks/receive";
import { body, paymentItem, SETTINGS, sign } from "@/lib/webhooks/test-support";

withTestDatabase({ beforeDrop: closeWebhookPool });
beforeAll(() => setEnvForTests({ LOG_LEVEL: "silent" }));

const principal = (role: Principal["role"]): Principal => ({
  kind: "token",
  id: "t",
  label: "t",
  role,
  storeIds: role === "store_manager" ? ["ST1"] : "all",
});

describe("who may read payment events", () => {
  it("lets admin, finance and engineering in, not store managers", async () => {
    const allowed: string[] = [];
    for (const role of ROLES) {
      const ok = await listPaymentEvents(principal(role), "NOTHING").then(
        () => true,
        () => false,
      );
      if (ok) allowed.push(role);
    }
    expect(allowed).toEqual(["admin", "finance", "engineering"]);
  });
});

describe("the query string", () => {
  it("requires a pspReference of 1 to 64 characters", () => {
    expect(paymentEventsQuerySchema.safeParse({ pspReference: "ABC" }).success).toBe(true);
    for (const pspReference of [undefined, "", "   ", "X".repeat(65)]) {
      expect(paymentEventsQuerySchema.safeParse({ pspReference }).success, String(pspReference)).toBe(false);
    }
  });
});

describe("listPaymentEvents", () => {
  it("returns the payment and its modifications with amount, dates and additionalData, nothing else", async () => {
    const psp = "QFQTPCQ8HXSKGK82";
    const items = [
      paymentItem({
        eventCode: "CAPTURE",
        pspReference: "CAP0000000000001",
        originalReference: psp,
        eventDate: "2021-01-02T01:00:00+01:00",
      }),
      paymentItem({
        pspReference: psp,
        eventDate: "2021-01-01T01:00:00+01:00",
        amount: { value: 1000, currency: "EUR" },
        additionalData: { paymentLinkId: "PL1" },
      }),
      paymentItem({ pspReference: "UNRELATED0000001" }),
    ];
    await receiveNotifications(body(items.map((i) => sign(i))), null, { settings: SETTINGS });
    const events = await listPaymentEvents(principal("finance"), psp);
    expect(events.map((e) => [e.eventCode, e.pspReference, e.originalReference])).toEqual([
      ["AUTHORISATION", psp, null],
      ["CAPTURE", "CAP0000000000001", psp],
    ]);
    expect(events[0]).toMatchObject({
      success: true,
      merchantAccountCode: "TestMerchant",
      amount: { value: 1000, currency: "EUR" },
      eventDate: "2021-01-01T00:00:00.000Z",
      additionalData: { paymentLinkId: "PL1" },
    });
    expect(events[0]?.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await listPaymentEvents(principal("finance"), "NOTHING")).toEqual([]);
  });
});
