import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("leaves the event loop free while hashes are computed (webhooks are served meanwhile)", async () => {
    const hash = await hashPassword("a-long-password-1");
    const before = performance.eventLoopUtilization();
    const results = await Promise.all(Array.from({ length: 6 }, () => verifyPassword("a-long-password-1", hash)));
    const used = performance.eventLoopUtilization(before);
    expect(results.every(Boolean)).toBe(true);
    // On the main thread bcrypt keeps the loop busy nearly all the time (utilization ≈ 1).
    expect(used.utilization).toBeLessThan(0.5);
  });

  it("refuses hashes beyond a bounded queue at once instead of piling up work", async () => {
    const settled = await Promise.allSettled(Array.from({ length: 60 }, () => verifyPassword("guess", null)));
    const refused = settled.filter((s) => s.status === "rejected").map((s) => s.reason as unknown);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e instanceof AppError && e.code === "RATE_LIMITED")).toBe(true);
    expect(settled.filter((s) => s.status === "fulfilled").every((s) => s.value === false)).toBe(true);
  });
});
