import { describe, expect, it } from "vitest";
import { InsertBatcher } from "@/lib/webhooks/insert-batcher";

type Call = readonly (readonly string[])[];

/** A write that records each statement's requests and answers when released. */
function recorder(fail: (requests: Call) => Error | null = () => null) {
  const calls: Call[] = [];
  const pending: (() => void)[] = [];
  const write = (requests: Call) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push(requests);
      pending.push(() => {
        const err = fail(requests);
        if (err) reject(err);
        else resolve(requests.map((rows) => rows.join("+")));
      });
    });
  const releaseAll = async () => {
    while (pending.length > 0) {
      pending.splice(0).forEach((release) => release());
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { calls, write, releaseAll };
}

describe("InsertBatcher", () => {
  it("writes at once when idle, and groups requests that arrive while three statements are in flight", async () => {
    const r = recorder();
    const batcher = new InsertBatcher<string, string>(r.write);
    const results = ["a", "b", "c", "d", "e", "f"].map((x) => batcher.submit([x]));
    expect(r.calls).toEqual([[["a"]], [["b"]], [["c"]]]);
    await r.releaseAll();
    expect(r.calls.slice(3)).toEqual([[["d"], ["e"], ["f"]]]);
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("retries each request of a failed batch alone, so one bad request fails only itself", async () => {
    const r = recorder((requests) => (requests.some((rows) => rows.includes("bad")) ? new Error("constraint") : null));
    const batcher = new InsertBatcher<string, string>(r.write);
    const first = ["x", "y", "z"].map((x) => batcher.submit([x]));
    // Settled from the start, so the expected rejection is handled when it happens.
    const batch = Promise.allSettled([batcher.submit(["ok1"]), batcher.submit(["bad"]), batcher.submit(["ok2"])]);
    await r.releaseAll();
    await Promise.all(first);
    expect((await batch).map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("does not retry when the error would hit every request alike", async () => {
    const r = recorder(() => new Error("database down"));
    const batcher = new InsertBatcher<string, string>(r.write, () => false);
    const all = Promise.allSettled(["a", "b", "c", "d", "e"].map((x) => batcher.submit([x])));
    await r.releaseAll();
    expect((await all).every((s) => s.status === "rejected")).toBe(true);
    // Three single writes, then one batch of two: no per-request retries.
    expect(r.calls).toHaveLength(4);
  });
});
