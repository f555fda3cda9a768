import { describe, expect, it } from "vitest";
import { validateBatch } from "@/lib/validation/batch";
import { posOrderSchema } from "@/lib/validation/pos-order";

const order = (merchantReference: string, storeId = "s1") => ({
  merchantReference,
  storeId,
  amount: { value: 100, currency: "EUR" },
  createdAt: "2024-03-14T10:21:03Z",
});

describe("validateBatch", () => {
  it("returns the valid rows and every problem of every invalid row", () => {
    const rows = [
      order("A"),
      { ...order("B"), amount: { value: -1, currency: "XXX" } },
      order("C"),
      { merchantReference: "" },
      null,
    ];
    const { valid, problems } = validateBatch(rows, posOrderSchema);
    expect(valid.map((o) => o.merchantReference)).toEqual(["A", "C"]);
    expect(problems).toEqual([
      { index: 1, field: "amount.value", reason: "must not be negative" },
      { index: 1, field: "amount.currency", reason: 'unknown currency "XXX"' },
      { index: 3, field: "merchantReference", reason: "must not be empty" },
      { index: 3, field: "storeId", reason: "is required" },
      { index: 3, field: "amount", reason: "is required" },
      { index: 3, field: "createdAt", reason: "is required" },
      { index: 4, field: "(row)", reason: expect.stringMatching(/.+/) },
    ]);
  });

  it("reports unknown stores per row, also on rows with other problems", () => {
    const rows = [order("A", "s1"), order("B", "s9"), { ...order("C", " s8 "), createdAt: "bad" }];
    const { valid, problems } = validateBatch(rows, posOrderSchema, { knownStoreIds: new Set(["s1"]) });
    expect(valid).toHaveLength(1);
    expect(problems).toEqual([
      { index: 1, field: "storeId", reason: 'unknown store "s9"' },
      { index: 2, field: "createdAt", reason: expect.stringMatching(/time zone/) },
      { index: 2, field: "storeId", reason: 'unknown store "s8"' },
    ]);
  });

  it("adds line numbers, renames fields and flags repeated keys", () => {
    const rows = [order("A"), order("B"), order("A")];
    const { valid, problems } = validateBatch(rows, posOrderSchema, {
      lineOf: (index) => index + 2,
      unique: { field: "merchantReference", key: (o) => o.merchantReference },
      fieldName: (path) => path.toUpperCase(),
    });
    expect(valid).toHaveLength(2);
    expect(problems).toEqual([{ index: 2, line: 4, field: "MERCHANTREFERENCE", reason: "repeats line 2" }]);
  });

  it("lets a prepare step report problems and silence the schema's echo of them", () => {
    const { problems } = validateBatch(["x"], posOrderSchema, {
      prepare: () => ({
        value: { ...order("A"), amount: { currency: "EUR" } },
        problems: [{ path: "amount", message: "bad amount" }],
      }),
    });
    expect(problems).toEqual([{ index: 0, field: "amount", reason: "bad amount" }]);
  });
});
