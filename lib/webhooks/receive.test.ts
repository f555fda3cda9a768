import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, disconnectDb, setDatabaseUrl } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withTestDatabase } from "@/lib/testing/database";
import { closeWebhookPool } from "@/lib/webhooks/pg-runner";
import { receiveNotifications, type ReceiveOptions } from "@/lib/webhooks/receive";
import {
  basicAuth,
  body,
  DOTNET_TEST_KEY,
  fixtureEnvelope,
  KEY_A,
  KEY_B,
  paymentItem,
  SETTINGS,
  sign,
  TOOLS_README_KEY,
} from "@/lib/webhooks/test-support";

const database = withTestDatabase({ beforeDrop: closeWebhookPool });
beforeAll(() => setEnvForTests({ LOG_LEVEL: "silent" }));
afterEach(async () => {
  await db().$executeRawUnsafe("TRUNCATE payment_events, payment_links, stores CASCADE");
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

const receive = (text: string, auth: string | null = null, opts: ReceiveOptions = {}) =>
  receiveNotifications(text, auth, { settings: SETTINGS, ...opts });
const count = async () =>
  Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM payment_events`)[0]?.n);

describe("signatures of Adyen's fixtures", () => {
  const unverifiable = [
    "node-authorisationTrue",
    "node-captureTrue",
    "node-captureFalse",
    "node-refundTrue",
    "node-refundFalse",
    "node-tools-hmac-payload",
  ];

  it.each(unverifiable)("%s (signed with an unpublished key) is refused and not stored", async (name) => {
    const text = JSON.stringify(fixtureEnvelope(`${name}.json`));
    const settings = { hmacKeys: [KEY_A, TOOLS_README_KEY, DOTNET_TEST_KEY], basicAuth: null };
    expect(await codeOf(receive(text, null, { settings }))).toBe("UNAUTHENTICATED");
    expect(await count()).toBe(0);
  });

  it("accepts the PHP tools payload with the key from that library's README, and only with it", async () => {
    const text = JSON.stringify(fixtureEnvelope("php-tools-hmac-payload.json"));
    expect(await codeOf(receive(text, null, { settings: { hmacKeys: [KEY_A], basicAuth: null } }))).toBe(
      "UNAUTHENTICATED",
    );
    const result = await receive(text, null, { settings: { hmacKeys: [KEY_A, TOOLS_README_KEY], basicAuth: null } });
    expect(result).toMatchObject({ received: 1, stored: 1, duplicates: 0 });
    const row = await db().paymentEvent.findFirstOrThrow();
    expect(row).toMatchObject({
      pspReference: "AB1234567890",
      merchantReference: "1143-R2",
      amountValue: 32500n,
      currency: "EUR",
      success: true,
      storeId: null,
    });
    expect(row.eventDate?.toISOString()).toBe("2025-02-24T14:20:56.000Z");
  });

  it("accepts the .NET refund-fail payload with its published key (escaped slash kept verbatim)", async () => {
    const text = JSON.stringify(fixtureEnvelope("dotnet-notification-response-refund-fail.json"));
    await receive(text, null, { settings: { hmacKeys: [DOTNET_TEST_KEY], basicAuth: null } });
    expect(await db().paymentEvent.findFirstOrThrow()).toMatchObject({
      eventCode: "CAPTURE",
      success: false,
      merchantReference: "UseqNbr006-orderId006\\/",
    });
  });
});

describe("storing", () => {
  it("stores normalized fields, additionalData without the signature and the raw item", async () => {
    const item = sign(
      paymentItem({
        success: true,
        originalreference: null,
        amount: { value: 0, currency: "EUR" },
        additionalData: { terminalId: "V400m-1", tenderReference: "TR1", store: "ST-UNKNOWN" },
      }),
    );
    await receive(body([item], "true"));
    const row = await db().paymentEvent.findFirstOrThrow();
    expect(row).toMatchObject({
      live: true,
      success: true,
      originalReference: null,
      amountValue: 0n,
      terminalId: "V400m-1",
      tenderReference: "TR1",
      storeId: "ST-UNKNOWN",
      deliveries: 1,
    });
    expect(row.additionalData).toEqual({ terminalId: "V400m-1", tenderReference: "TR1", store: "ST-UNKNOWN" });
    expect(row.raw).toEqual(item);
  });

  it("resolves the store from a store reference or from a payment link created here", async () => {
    await db().store.create({
      data: { id: "ST111", reference: "berlin-1", name: "Berlin", timezone: "Europe/Berlin" },
    });
    await db().paymentLink.create({
      data: {
        adyenId: "PL123",
        idempotencyKey: crypto.randomUUID(),
        reference: "R1",
        storeId: "ST111",
        amountValue: 100n,
        currency: "EUR",
        status: "active",
        expiresAt: new Date(),
      },
    });
    const byRef = sign(paymentItem({ additionalData: { store: "berlin-1" } }));
    const byLink = sign(paymentItem({ additionalData: { paymentLinkId: "PL123" } }));
    await receive(body([byRef, byLink]));
    const rows = await db().paymentEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.pspReference, r.storeId, r.paymentLinkId])).toEqual(
      expect.arrayContaining([
        [byRef["pspReference"], "ST111", null],
        [byLink["pspReference"], "ST111", "PL123"],
      ]),
    );
  });

  it("stores a redelivery once and counts it", async () => {
    const text = body([sign(paymentItem())]);
    expect(await receive(text)).toMatchObject({ stored: 1, duplicates: 0 });
    const again = await receive(text);
    expect(again).toMatchObject({ stored: 0, duplicates: 1, newEventIds: [] });
    expect(await db().paymentEvent.findMany({ select: { deliveries: true } })).toEqual([{ deliveries: 2 }]);
  });

  it("counts the same event twice in one batch as one row with two deliveries", async () => {
    const item = sign(paymentItem());
    expect(await receive(body([item, item]))).toMatchObject({ received: 2, stored: 1, duplicates: 1 });
    expect(await db().paymentEvent.findMany({ select: { deliveries: true } })).toEqual([{ deliveries: 2 }]);
  });

  it("keeps success and failure of the same operation as two events", async () => {
    const failed = paymentItem({ success: "false" });
    await receive(body([sign(failed), sign({ ...failed, success: "true" })]));
    expect(await count()).toBe(2);
  });

  it("stores nothing when one item of a batch has a bad signature", async () => {
    const good = sign(paymentItem());
    const forged = { ...sign(paymentItem()), amount: { value: 1, currency: "EUR" } };
    const wrongKey = sign(paymentItem(), KEY_B);
    for (const bad of [forged, wrongKey, paymentItem()]) {
      expect(await codeOf(receive(body([good, bad, sign(paymentItem())])))).toBe("UNAUTHENTICATED");
    }
    expect(await count()).toBe(0);
  });

  it("accepts any configured key during rotation", async () => {
    await receive(body([sign(paymentItem(), KEY_B)]), null, {
      settings: { hmacKeys: [KEY_A, KEY_B], basicAuth: null },
    });
    expect(await count()).toBe(1);
  });

  it("stores modifications that arrive before their payment; reading orders them by event date", async () => {
    const psp = "ORIGPSP000000001";
    const auth = sign(paymentItem({ pspReference: psp, eventDate: "2026-03-14T10:00:00+01:00" }));
    const capture = sign(
      paymentItem({
        eventCode: "CAPTURE",
        pspReference: "CAPPSP0000000001",
        originalReference: psp,
        eventDate: "2026-03-14T10:05:00+01:00",
      }),
    );
    const refund = sign(
      paymentItem({
        eventCode: "REFUND",
        pspReference: "REFPSP0000000001",
        originalReference: psp,
        eventDate: "2026-03-15T09:00:00+01:00",
      }),
    );
    await receive(body([refund]));
    await receive(body([capture]));
    await receive(body([auth]));
    const { listPaymentEvents } = await import("@/lib/webhooks/payment-events-query");
    expect(
      (await listPaymentEvents({ kind: "token", id: "t", label: "t", role: "finance", storeIds: "all" }, psp)).map(
        (e) => e.eventCode,
      ),
    ).toEqual(["AUTHORISATION", "CAPTURE", "REFUND"]);
  });
});

describe("concurrency", () => {
  it("stores two identical requests sent in parallel once", async () => {
    const text = body([sign(paymentItem())]);
    const results = await Promise.all([receive(text), receive(text)]);
    expect(results.map((r) => r.stored).sort()).toEqual([0, 1]);
    expect(await db().paymentEvent.findMany({ select: { deliveries: true } })).toEqual([{ deliveries: 2 }]);
  });

  it("does not deadlock on overlapping batches in opposite orders", async () => {
    const items = Array.from({ length: 400 }, () => sign(paymentItem()));
    const forward = body(items);
    const backward = body([...items].reverse());
    await Promise.all(Array.from({ length: 8 }, (_, i) => receive(i % 2 ? forward : backward)));
    expect(await count()).toBe(400);
    const [sum] = await db().$queryRaw<{ n: bigint }[]>`SELECT sum(deliveries) AS n FROM payment_events`;
    expect(Number(sum?.n)).toBe(8 * 400);
  });
});

describe("refusals", () => {
  const withBasic = { hmacKeys: [KEY_A], basicAuth: { username: "adyen", password: "s3cret-pass" } };

  it("requires the configured basic auth credentials", async () => {
    const text = body([sign(paymentItem())]);
    for (const header of [
      null,
      basicAuth("adyen", "wrong"),
      basicAuth("other", "s3cret-pass"),
      "Bearer x",
      "Basic !!!",
    ]) {
      expect(await codeOf(receive(text, header, { settings: withBasic }))).toBe("UNAUTHENTICATED");
    }
    expect(await count()).toBe(0);
    expect(await codeOf(receive(text, basicAuth("adyen", "s3cret-pass"), { settings: withBasic }))).toBe("OK");
  });

  it("refuses everything when no HMAC key is configured", async () => {
    expect(
      await codeOf(receive(body([sign(paymentItem())]), null, { settings: { hmacKeys: [], basicAuth: null } })),
    ).toBe("UNAUTHENTICATED");
    expect(await count()).toBe(0);
  });

  it("answers malformed JSON and shapes with VALIDATION and a reason", async () => {
    await expect(receive("{not json")).rejects.toThrow(/not valid JSON/);
    await expect(receive(JSON.stringify({ notificationItems: {} }))).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/notificationItems/),
    });
    await expect(receive(body([sign(paymentItem({ success: "maybe" }))]))).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/success/),
    });
    expect(await count()).toBe(0);
  });

  it("answers UNAVAILABLE when the database cannot be reached", async () => {
    await disconnectDb();
    setDatabaseUrl("postgresql://nobody:nothing@127.0.0.1:1/none");
    try {
      expect(await codeOf(receive(body([sign(paymentItem())])))).toBe("UNAVAILABLE");
    } finally {
      await disconnectDb();
      setDatabaseUrl(database().url);
    }
  });

  it("logs one line per request without credentials or signatures", async () => {
    setEnvForTests({ LOG_LEVEL: "info" });
    const lines: string[] = [];
    const capture = (chunk: string | Uint8Array) => (lines.push(String(chunk)), true);
    const out = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(capture);
    try {
      const item = sign(paymentItem());
      await receive(body([item]), basicAuth("adyen", "s3cret-pass"), { settings: withBasic, requestId: "req-1" });
      await codeOf(receive(body([item]), basicAuth("adyen", "wrong-pass"), { settings: withBasic }));
      expect(lines).toHaveLength(2);
      expect(JSON.parse(lines[0] ?? "")).toMatchObject({
        event: "webhooks.received",
        requestId: "req-1",
        count: 1,
        stored: 1,
        duplicates: 0,
      });
      const all = lines.join("");
      for (const secret of [
        "s3cret-pass",
        "wrong-pass",
        String((item["additionalData"] as Record<string, unknown>)["hmacSignature"]),
        KEY_A,
      ])
        expect(all).not.toContain(secret);
    } finally {
      out.mockRestore();
      err.mockRestore();
      setEnvForTests({ LOG_LEVEL: "silent" });
    }
  });
});
