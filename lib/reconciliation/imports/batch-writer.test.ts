import { describe, expect, it } from "vitest";
import { BatchWriter } from "@/lib/reconciliation/imports/batch-writer";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("BatchWriter", () => {
  it("writes full batches with at most one write in flight, then the rest at finish", async () => {
    const batches: number[][] = [];
    let running = 0;
    let maxRunning = 0;
    const writer = new BatchWriter<number>(async (rows) => {
      maxRunning = Math.max(maxRunning, ++running);
      await tick();
      batches.push(rows);
      running -= 1;
      return { inserted: rows.length, updated: 0, duplicates: 0 };
    }, 2);
    for (const n of [1, 2, 3, 4, 5]) await writer.push(n);
    expect(await writer.finish()).toEqual({ inserted: 5, updated: 0, duplicates: 0 });
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(maxRunning).toBe(1);
  });

  it("rethrows a failed write at the next flush instead of leaving it unhandled", async () => {
    const writer = new BatchWriter<number>(async () => {
      throw new Error("disk full");
    }, 1);
    await writer.push(1);
    await tick();
    await expect(writer.push(2)).rejects.toThrow("disk full");
  });

  it("writes nothing more once stopped", async () => {
    const written: number[] = [];
    const writer = new BatchWriter<number>(async (rows) => {
      written.push(...rows);
      return { inserted: rows.length, updated: 0, duplicates: 0 };
    }, 2);
    await writer.push(1);
    writer.stop();
    await writer.push(2);
    await writer.push(3);
    await writer.finish();
    expect(written).toEqual([]);
  });
});
