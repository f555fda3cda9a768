// Malformed input from a fuzzer (wrong types, huge fields, invalid UTF-8, NUL bytes, deep nesting) against the
// webhook receiver, the CSV imports and the API imports: every input is refused with a 4xx reason, nothing throws
// anything else, and nothing is half-written. Seeded, so a failure reproduces.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importOrders, importOrdersCsv, importReceipts, importReceiptsCsv } from "@/lib/reconciliation/imports";
import { csvStream, principal, testOptions } from "@/lib/reconciliation/imports/test-support";
import { closeWebhookPool } from "@/lib/webhooks/pg-runner";
import { receiveNotifications } from "@/lib/webhooks/receive";
import { body, paymentItem, SETTINGS, sign } from "@/lib/webhooks/test-support";
import { makeStore } from "@/prisma/seed/factories";

withTestDatabase({ beforeDrop: closeWebhookPool });
beforeAll(async () => {
  await makeStore("STFUZZ");
});

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const deep = (n: number): unknown => {
  let v: unknown = "x";
  for (let i = 0; i < n; i++) v = [v];
  return v;
};
const NUL = "A\u0000B";
const LONE_SURROGATE = "\ud800";
const HUGE = "x".repeat(200_000);
// Values that are wrong for the field they are put in (the fuzzer never produces a valid value by chance).
const WEBHOOK_BAD: Record<string, unknown[]> = {
  merchantReference: [123, {}, [], HUGE, NUL, true],
  pspReference: ["", null, 123, HUGE, NUL, LONE_SURROGATE, {}],
  amount: [
    "12",
    { value: 1.5, currency: "EUR" },
    { value: 1e30, currency: "EUR" },
    { value: 1, currency: 5 },
    deep(200),
  ],
  eventCode: [123, null, {}, HUGE, NUL],
  success: ["maybe", 1, null, {}],
  eventDate: ["2026-02-30T25:61:00Z", 5, {}, HUGE],
  additionalData: [deep(2_000), [{ a: 1 }], { nested: { x: 1 } }],
};
const ORDER_BAD: Record<string, unknown[]> = {
  merchantReference: ["", null, 123, HUGE, NUL, deep(50)],
  storeId: ["", null, 5, NUL, "NO-SUCH-STORE"],
  amount: [
    "12",
    { value: "x", currency: "EUR" },
    { value: -1, currency: "EUR" },
    { value: 1.5, currency: "EUR" },
    { value: 1, currency: "EURO" },
    null,
  ],
  createdAt: ["2026-02-30T25:61:00Z", 5, "", null, NUL],
};
const RECEIPT_BAD: Record<string, unknown[]> = {
  storeId: ORDER_BAD.storeId as unknown[],
  amount: ORDER_BAD.amount as unknown[],
  transactedAt: ORDER_BAD.createdAt as unknown[],
  pspReference: [123, NUL, HUGE, "not-a-psp"],
  cardLast4: ["12345", 1234, NUL],
};
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const CSV_BAD = ["\u0000\u0000", "\xff\xfe", HUGE, '"unterminated', "1.234", "-5", "2026-02-30", "=cmd()"];

async function counts(): Promise<number[]> {
  const [row] = await db().$queryRawUnsafe<{ e: number; o: number; r: number }[]>(
    "SELECT (SELECT count(*)::int FROM payment_events) AS e, (SELECT count(*)::int FROM pos_orders) AS o, (SELECT count(*)::int FROM standalone_receipts) AS r",
  );
  return [row?.e ?? -1, row?.o ?? -1, row?.r ?? -1];
}

async function expect4xx(what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    const result = await run();
    // Imports report invalid rows as a result (the route answers 422 for it), not as an exception.
    expect((result as { ok?: boolean }).ok, `${what}: accepted`).toBe(false);
  } catch (err) {
    expect(err, `${what}: ${String(err)}`).toBeInstanceOf(AppError);
    const status = (err as AppError).status;
    expect(status >= 400 && status < 500, `${what}: status ${status}`).toBe(true);
  }
}

describe("fuzzed input is refused with a reason, never half-written", () => {
  it("webhooks: signed and unsigned items with broken fields, broken envelopes", async () => {
    const r = rng(42);
    const before = await counts();
    const raws = [
      "",
      "{",
      "null",
      "[]",
      '{"notificationItems":"x"}',
      "\u0000",
      "\xff\xfe",
      "[".repeat(100_000) + "]".repeat(100_000),
    ];
    for (const raw of raws)
      await expect4xx(`envelope ${JSON.stringify(raw).slice(0, 40)}`, () =>
        receiveNotifications(raw, null, { settings: SETTINGS }),
      );
    for (let i = 0; i < 150; i++) {
      const field = pick(r, Object.keys(WEBHOOK_BAD));
      const item = paymentItem({ [field]: pick(r, WEBHOOK_BAD[field] as unknown[]) });
      const signed = r() < 0.8 ? sign(item) : item;
      // A broken item beside a good one: the request is refused whole, the good one is not stored either.
      const items = r() < 0.5 ? [sign(paymentItem()), signed] : [signed];
      await expect4xx(`item ${field}`, () => receiveNotifications(body(items), null, { settings: SETTINGS }));
    }
    expect(await counts()).toEqual(before);
  });

  it("API imports: orders and receipts with broken fields", async () => {
    const r = rng(7);
    const before = await counts();
    const finance = testOptions(principal("finance"));
    for (let i = 0; i < 100; i++) {
      const order: Record<string, unknown> = {
        merchantReference: "F-1",
        storeId: "STFUZZ",
        amount: { value: 100, currency: "EUR" },
        createdAt: "2026-01-01T10:00:00Z",
      };
      const receipt: Record<string, unknown> = {
        storeId: "STFUZZ",
        amount: { value: 100, currency: "EUR" },
        transactedAt: "2026-01-01T10:00:00Z",
      };
      const of = pick(r, Object.keys(ORDER_BAD));
      order[of] = pick(r, ORDER_BAD[of] as unknown[]);
      const rf = pick(r, Object.keys(RECEIPT_BAD));
      receipt[rf] = pick(r, RECEIPT_BAD[rf] as unknown[]);
      await expect4xx("order", () => importOrders([order], finance));
      await expect4xx("receipt", () => importReceipts([receipt], finance));
    }
    expect(await counts()).toEqual(before);
  });

  it("CSV imports: broken rows, binary garbage and huge cells", async () => {
    const r = rng(99);
    const before = await counts();
    const header = "merchantReference,storeId,amount,currency,createdAt,description";
    for (let i = 0; i < 40; i++) {
      const line = ["F-1", "STFUZZ", pick(r, CSV_BAD), "EUR", pick(r, CSV_BAD), ""].join(",");
      await expect4xx("orders csv", () =>
        importOrdersCsv(csvStream(`${header}\n${line}\n`), testOptions(principal("finance"))),
      );
    }
    const garbage = ["\u0000\u0000\u0000", "\xff\xfe\xfd", `${header}\n"unterminated,STFUZZ`, "a,b\n1,2"];
    for (const g of garbage) {
      await expect4xx("orders csv garbage", () => importOrdersCsv(csvStream(g), testOptions(principal("finance"))));
      await expect4xx("receipts csv garbage", () => importReceiptsCsv(csvStream(g), testOptions(principal("finance"))));
    }
    expect(await counts()).toEqual(before);
  });
});
