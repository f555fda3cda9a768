import { describe, expect, it } from "vitest";
import { MAX_ORDERS_PER_REQUEST, posOrderSchema, posOrdersRequestSchema } from "@/lib/validation/pos-order";

const order = {
  merchantReference: "ORDER-1001",
  storeId: "store-ams-01",
  amount: { value: 1250, currency: "EUR" },
  createdAt: "2024-03-14T10:21:03+01:00",
};

function issues(input: unknown): Record<string, string> {
  const result = posOrderSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("posOrderSchema", () => {
  it("accepts a valid order and normalises it", () => {
    const parsed = posOrderSchema.parse({
      ...order,
      merchantReference: "  ORDER-1001 ",
      amount: { value: 0, currency: "eur" },
      description: "",
      terminalId: null,
    });
    expect(parsed).toEqual({
      merchantReference: "ORDER-1001",
      storeId: "store-ams-01",
      amount: { value: 0, currency: "EUR" },
      createdAt: new Date("2024-03-14T09:21:03Z"),
    });
  });

  it("keeps optional fields when given", () => {
    expect(posOrderSchema.parse({ ...order, description: " 2x coffee ", terminalId: "V400m-324688179" })).toMatchObject(
      { description: "2x coffee", terminalId: "V400m-324688179" },
    );
  });

  it("requires a merchant reference of 1 to 80 characters after trimming", () => {
    expect(issues({ ...order, merchantReference: "   " })).toEqual({ merchantReference: "must not be empty" });
    expect(issues({ ...order, merchantReference: "x".repeat(81) })).toEqual({
      merchantReference: "must be at most 80 characters",
    });
    expect(issues({ ...order, merchantReference: ` ${"x".repeat(80)} ` })).toEqual({});
    expect(issues({ ...order, merchantReference: undefined })).toEqual({ merchantReference: "is required" });
  });

  it.each([
    [-1, "must not be negative"],
    [12.5, "must be a whole number of minor units (e.g. 1250 for EUR 12.50)"],
    [Number.MAX_SAFE_INTEGER + 1, expect.stringMatching(/.+/)],
    ["1250", "must be a number of minor units"],
    [undefined, "is required"],
  ])("rejects amount.value %j", (value, message) => {
    expect(issues({ ...order, amount: { value, currency: "EUR" } })).toEqual({ "amount.value": message });
  });

  it("accepts the largest safe amount and rejects unknown currencies", () => {
    expect(issues({ ...order, amount: { value: Number.MAX_SAFE_INTEGER, currency: "JPY" } })).toEqual({});
    expect(issues({ ...order, amount: { value: 1, currency: "EURO" } })).toEqual({
      "amount.currency": 'unknown currency "EURO"',
    });
    expect(issues({ ...order, amount: undefined })).toEqual({ amount: "is required" });
  });

  it.each(["2024-03-14T10:21:03Z", "2024-03-14T10:21:03.123-05:00", "2024-03-14T23:59:59.999999+14:00"])(
    "accepts zoned timestamp %s",
    (createdAt) => {
      expect(issues({ ...order, createdAt })).toEqual({});
    },
  );

  it.each([
    "2024-03-14T10:21:03",
    "2024-03-14 10:21:03Z",
    "2024-03-14",
    "2024-02-30T10:00:00Z",
    "14/03/2024 10:21",
    "",
  ])("rejects timestamp %j", (createdAt) => {
    expect(issues({ ...order, createdAt })).toEqual({ createdAt: expect.stringMatching(/time zone offset or Z/) });
  });

  it("reports all problems of an order at once", () => {
    expect(
      Object.keys(
        issues({ merchantReference: "", amount: { value: -1, currency: "X" }, createdAt: "2024-03-14T10:00:00" }),
      ),
    ).toEqual(["merchantReference", "storeId", "amount.value", "amount.currency", "createdAt"]);
  });
});

describe("posOrdersRequestSchema", () => {
  it("takes 1 to 10,000 orders", () => {
    expect(posOrdersRequestSchema.safeParse({ orders: [order] }).success).toBe(true);
    expect(posOrdersRequestSchema.safeParse({ orders: [] }).success).toBe(false);
    expect(
      posOrdersRequestSchema.safeParse({ orders: Array.from({ length: MAX_ORDERS_PER_REQUEST }, () => order) }).success,
    ).toBe(true);
    const tooMany = posOrdersRequestSchema.safeParse({
      orders: Array.from({ length: MAX_ORDERS_PER_REQUEST + 1 }, () => order),
    });
    expect(tooMany.error?.issues[0]?.message).toBe("must contain at most 10000 orders per request");
    expect(posOrdersRequestSchema.safeParse({ orders: "x" }).success).toBe(false);
  });
});
