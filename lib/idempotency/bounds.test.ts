// What the analysis keeps of an exchange is bounded whatever the traffic holds: a URL of a megabyte is stored cut
// (and says so), a key of a megabyte is judged but not kept whole, and a body nested a hundred thousand levels
// deep is compared without running out of stack.
import { describe, expect, it } from "vitest";
import { MAX_HEADER_VALUE } from "@/lib/idempotency/headers";
import { readAll } from "@/lib/idempotency/input/test-support";
import { MAX_URL } from "@/lib/idempotency/redact";
import { analyzeInMemory } from "@/lib/idempotency/test-support";

const PAYMENTS = "https://checkout-test.adyen.com/v71/payments";
const line = (v: Record<string, unknown>) =>
  JSON.stringify({ time: "2026-01-05T10:00:00Z", method: "POST", url: PAYMENTS, status: 200, ...v });

async function analyse(lines: string[]) {
  const { exchanges, result } = await readAll(lines.join("\n"));
  expect(result.stop).toBeNull();
  return analyzeInMemory(exchanges);
}

describe("bounds of what an analysis keeps", () => {
  it("stores a URL of a megabyte cut to 8 KB, marked as cut with its length, nothing of a card across the cut", async () => {
    const pan = "4111111111111111";
    const url = `${PAYMENTS}?q=${"a".repeat(MAX_URL - PAYMENTS.length - 3 - 8)}${pan}&r=${"b".repeat(1024 * 1024)}`;
    const { findings } = await analyse([line({ url })]);
    const evidence = findings.find((f) => f.code === "missing_idempotency_key")?.evidence[0];
    expect(evidence?.url.length).toBe(MAX_URL + 1);
    expect(evidence?.url.endsWith("…")).toBe(true);
    expect(evidence?.urlLength).toBe(url.length);
    expect(evidence?.url).not.toContain(pan.slice(0, 8));
  });

  it("judges a key of a megabyte as too long but keeps only its first 8 KB", async () => {
    const key = "k".repeat(1024 * 1024);
    const { findings, chains } = await analyse([
      line({ requestHeaders: { "Idempotency-Key": key }, requestBody: { reference: "R1" } }),
      line({ requestHeaders: { "Idempotency-Key": key }, requestBody: { reference: "R1" } }),
    ]);
    const tooLong = findings.filter((f) => f.code === "key_too_long");
    expect(tooLong).toHaveLength(1);
    expect(tooLong[0]?.idempotencyKey?.length).toBe(MAX_HEADER_VALUE + 1);
    expect(chains[0]?.attemptCount).toBe(2);
  });

  it("compares a body nested a hundred thousand levels deep without running out of stack", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const { findings } = await analyse([
      line({ requestHeaders: { "Idempotency-Key": "k-1" }, requestBody: deep }),
      line({ requestHeaders: { "Idempotency-Key": "k-1" }, requestBody: `${deep} ` }),
      line({ requestHeaders: { "Idempotency-Key": "k-1" }, requestBody: '{"other":1}' }),
    ]);
    expect(findings.filter((f) => f.code === "key_reused_different_body")).toHaveLength(1);
  });
});
