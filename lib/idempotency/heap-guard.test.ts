// The heap guard forces no garbage collection unless its process allowed it: the web process never does.
import { constants, PerformanceObserver } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { allowForcedCollection, HeapGuard } from "@/lib/idempotency/heap-guard";

/** Runs `work` and counts the forced full collections V8 reports meanwhile. */
async function forcedCollectionsDuring(work: () => void): Promise<number> {
  let forced = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const flags = (e as { detail?: { flags?: number } }).detail?.flags ?? 0;
      if (flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forced++;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  work();
  // Entries are delivered after the current task.
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return forced;
}

const grow = (guard: HeapGuard) => {
  let keep: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    keep = [...keep, new Array(10_000).fill(i)];
    guard.check();
  }
  return keep.length;
};

describe("the heap guard", () => {
  it("forces no collection in a process that did not allow it (the web process), however the heap grows", async () => {
    expect(await forcedCollectionsDuring(() => grow(new HeapGuard(0)))).toBe(0);
  });

  it("bounds the heap with forced collections in a process that only analyses", async () => {
    allowForcedCollection();
    expect(await forcedCollectionsDuring(() => grow(new HeapGuard(0)))).toBeGreaterThan(0);
  });
});
