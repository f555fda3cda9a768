import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readAdditionalData } from "@/lib/webhooks/additional-data";
import {
  canonicalKeys,
  normalizeItem,
  normalizeItems,
  parseEnvelope,
  type PaymentEventRow,
} from "@/lib/webhooks/notification-schema";
import { fixtureEnvelope, notificationFixtures, paymentItem } from "@/lib/webhooks/test-support";

function rowOf(item: Record<string, unknown>, live = false): PaymentEventRow {
  const result = normalizeItem(item, live);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.row;
}

function fixtureRow(file: string): PaymentEventRow {
  const { live, items } = parseEnvelope(fixtureEnvelope(file));
  const [row] = normalizeItems(items, live);
  if (!row) throw new Error("no row");
  return row;
}

function validationProblems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError && err.code === "VALIDATION")
      return (err.details?.problems ?? []).map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  throw new Error("expected a validation error");
}

describe("parsing Adyen's published notifications", () => {
  const fixtures = notificationFixtures();

  it("finds every fixture file, including the 13 OpenAPI examples", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12 + 13);
  });

  it.each(fixtures)("%s parses into rows with the event's identity", (_name, envelope) => {
    const { live, items } = parseEnvelope(envelope);
    const rows = normalizeItems(items, live);
    expect(rows).toHaveLength(envelope.notificationItems.length);
    for (const row of rows) {
      expect(row.pspReference.length).toBeGreaterThan(0);
      expect(row.dedupeKey).toBe(
        `${row.merchantAccountCode}|${row.pspReference}|${row.eventCode}|${row.success}|${row.originalReference ?? ""}`,
      );
      expect(row.additionalData).not.toHaveProperty("hmacSignature");
    }
  });

  it("keeps REPORT_AVAILABLE and other non-payment events", () => {
    const row = fixtureRow("openapi-webhooks-v1-examples.json#post-REPORT_AVAILABLE-report_available");
    expect(row).toMatchObject({
      eventCode: "REPORT_AVAILABLE",
      merchantReference: null,
      reason: "URL_TO_DOWNLOAD_REPORT",
    });
  });

  it("reads the .NET edge case: boolean success, lower-case originalreference null, amount 0", () => {
    expect(fixtureRow("dotnet-merchant-webhook-payload.json")).toMatchObject({
      success: true,
      originalReference: null,
      amountValue: 0,
      currency: "EUR",
      eventDate: new Date("2024-04-30T06:03:24Z"),
    });
  });

  it("tolerates a missing merchantReference and additionalData (Java cancellation)", () => {
    expect(fixtureRow("java-cancellation-true.json")).toMatchObject({
      merchantReference: null,
      originalReference: "8313547924770610",
      additionalData: {},
    });
  });

  it("reads live=true, the payment link id and keeps the raw item", () => {
    expect(fixtureRow("java-chargeback.json").live).toBe(true);
    const row = fixtureRow("node-authorisationTrue.json");
    expect(row).toMatchObject({ live: false, paymentLinkId: "ABCDEFG", amountValue: 10100, success: true });
    expect((row.raw["additionalData"] as Record<string, unknown>)["hmacSignature"]).toBeTypeOf("string");
  });

  it('treats Adyen\'s literal store "None" as no store (PHP tools payload)', () => {
    expect(fixtureRow("php-tools-hmac-payload.json").storeHint).toBeNull();
  });
});

describe("normalization", () => {
  it("reads success from strings and booleans alike", () => {
    for (const [success, expected] of [
      ["true", true],
      ["false", false],
      [true, true],
      [false, false],
      ["TRUE", true],
    ] as const) {
      expect(rowOf(paymentItem({ success })).success).toBe(expected);
    }
  });

  it("keeps amounts as integer minor units with the currency upper-cased", () => {
    expect(rowOf(paymentItem({ amount: { value: 100000, currency: "JPY" } }))).toMatchObject({
      amountValue: 100000,
      currency: "JPY",
    });
    expect(rowOf(paymentItem({ amount: { value: 1234, currency: "kwd" } }))).toMatchObject({
      amountValue: 1234,
      currency: "KWD",
    });
    expect(rowOf(paymentItem({ amount: { value: "0", currency: "EUR" } })).amountValue).toBe(0);
    expect(rowOf(paymentItem({ amount: undefined }))).toMatchObject({ amountValue: null, currency: null });
  });

  it("maps lower-case keys to the spec's names, the exact spelling winning", () => {
    expect(canonicalKeys({ originalreference: "A", pspreference: "B" })).toEqual({
      originalReference: "A",
      pspReference: "B",
    });
    expect(canonicalKeys({ originalReference: "exact", originalreference: "variant" })).toEqual({
      originalReference: "exact",
    });
    expect(rowOf(paymentItem({ originalreference: "8313547924770610" })).originalReference).toBe("8313547924770610");
  });

  it("stores missing or empty references as null, other references verbatim", () => {
    const { merchantReference: _omit, ...noRef } = paymentItem();
    expect(rowOf(noRef).merchantReference).toBeNull();
    expect(rowOf(paymentItem({ merchantReference: "" })).merchantReference).toBeNull();
    expect(rowOf(paymentItem({ merchantReference: " a:b\\/ " })).merchantReference).toBe(" a:b\\/ ");
  });

  it("extracts terminal, tender and store from the simulator's and Adyen's key names", () => {
    const sim = readAdditionalData({
      terminalId: "V400m-324688179",
      tenderReference: "T1234",
      store: "ST1",
      hmacSignature: "x",
    });
    expect(sim).toMatchObject({
      terminalId: "V400m-324688179",
      tenderReference: "T1234",
      storeHint: "ST1",
      additionalData: { store: "ST1" },
    });
    expect(sim.additionalData).not.toHaveProperty("hmacSignature");
    expect(readAdditionalData({ POIID: "P400-1", txRef: "TX9", storeId: "ST2" })).toMatchObject({
      terminalId: "P400-1",
      tenderReference: "TX9",
      storeHint: "ST2",
    });
    expect(readAdditionalData({ terminalid: "lower", TerminalId: "upper" }).terminalId).toBe("lower");
    expect(readAdditionalData({ terminalId: 42, store: " " })).toMatchObject({ terminalId: null, storeHint: null });
  });

  it("converts eventDate with its offset to an instant", () => {
    expect(rowOf(paymentItem({ eventDate: "2019-04-29T14:17:30+02:12" })).eventDate?.toISOString()).toBe(
      "2019-04-29T12:05:30.000Z",
    );
    expect(rowOf(paymentItem({ eventDate: undefined })).eventDate).toBeNull();
  });
});

describe("rejecting what cannot be stored", () => {
  it("names the envelope problem", () => {
    expect(validationProblems(() => parseEnvelope([]))[0]).toMatch(/^\(root\)/);
    expect(validationProblems(() => parseEnvelope({ live: "false" }))[0]).toMatch(
      /^notificationItems: must be an array/,
    );
    expect(validationProblems(() => parseEnvelope({ notificationItems: [] }))[0]).toMatch(/at least one item/);
    expect(
      validationProblems(() => parseEnvelope({ notificationItems: [{ NotificationRequestItem: "x" }] }))[0],
    ).toMatch(/^notificationItems\.0/);
    expect(
      validationProblems(() =>
        parseEnvelope({ live: "maybe", notificationItems: [{ NotificationRequestItem: {} }] }),
      )[0],
    ).toMatch(/^live/);
  });

  it("names every bad field with the item's index", () => {
    const items = [
      paymentItem(),
      paymentItem({
        pspReference: undefined,
        success: "yes",
        amount: { value: 12.5, currency: "EUR" },
        eventDate: "2024-01-01T10:00:00",
      }),
    ];
    const problems = validationProblems(() => normalizeItems(items, false));
    expect(problems).toEqual([
      expect.stringMatching(/^notificationItems\.1\.NotificationRequestItem\.pspReference: is required/),
      expect.stringMatching(/^notificationItems\.1\.NotificationRequestItem\.success: must be true or false/),
      expect.stringMatching(/^notificationItems\.1\.NotificationRequestItem\.eventDate: must be an ISO 8601 timestamp/),
      expect.stringMatching(/^notificationItems\.1\.NotificationRequestItem\.amount\.value: must be a whole number/),
    ]);
  });
});
