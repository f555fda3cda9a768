// The body fingerprint that key_reused_different_body compares: equal exactly when the canonical JSON is equal.
import { describe, expect, it } from "vitest";
import { bodyFingerprint, parseBody } from "@/lib/idempotency/body";

const fp = (body: unknown, contentType?: string) => bodyFingerprint(parseBody(body, contentType));

describe("bodyFingerprint", () => {
  it("ignores key order and whitespace at every depth", () => {
    const a = '{"merchantAccount":"ShopEU","reference":"R1","amount":{"currency":"EUR","value":1000}}';
    const b = '{ "amount": { "value": 1000, "currency": "EUR" },\n  "reference": "R1", "merchantAccount": "ShopEU" }';
    expect(fp(a)).toBe(fp(b));
    expect(fp(a)).toBe(fp(JSON.parse(b)));
    expect(Number.isSafeInteger(fp(a))).toBe(true);
  });

  it("tells apart bodies whose canonical JSON differs", () => {
    const bodies: unknown[] = [
      { a: 1, b: 2 },
      { a: 2, b: 1 },
      { a: 1 },
      { a: 1, b: 2, c: null },
      { a: "1", b: 2 },
      { a: true, b: 2 },
      { a: [1, 2], b: 2 },
      { a: [2, 1], b: 2 },
      { a: { x: 1 }, b: 2 },
      { ab: 1, b: 2 },
      { b: 1, a: 2, c: 3 },
      [{ a: 1 }, { b: 2 }],
      [{ b: 2 }, { a: 1 }],
      { amount: { currency: "EUR", value: 1000 } },
      { amount: { currency: "EUR", value: 1001 } },
      { amount: { currency: "EUR", value: 1000.5 } },
      {},
      [],
    ];
    const prints = bodies.map((b) => fp(JSON.stringify(b)));
    expect(new Set(prints).size).toBe(bodies.length);
  });

  it("compares a form-encoded body as its fields and a text body character for character", () => {
    expect(fp("reference=R1&merchantAccount=ShopEU")).toBe(fp('{"merchantAccount":"ShopEU","reference":"R1"}'));
    expect(fp("plain text")).toBe(fp("plain text"));
    expect(fp("plain text")).not.toBe(fp("plain text."));
    expect(fp({ a: -0 })).toBe(fp({ a: 0 }));
    expect(fp(1.5)).toBe(fp("1.5"));
    expect(fp(1)).not.toBe(fp("1.5"));
    expect(fp("")).toBe(fp(undefined));
  });
});
