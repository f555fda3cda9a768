import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { stopJobs } from "@/lib/jobs/queue";
import { reconcileJob } from "@/lib/reconciliation/trigger";
import { createTestDatabase } from "@/lib/testing/database";
import { afterWebhooksStored } from "@/lib/webhooks/after-stored";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  setEnvForTests({ LOG_LEVEL: "silent" });
});
afterAll(async () => {
  await stopJobs();
  await database.drop();
});

describe("afterWebhooksStored", () => {
  it("queues one reconcile.evidence job for a burst, carrying the new event ids", async () => {
    const calls = [afterWebhooksStored(["1", "2"]), afterWebhooksStored([]), afterWebhooksStored(["3"])];
    // Calls within the window share one enqueue.
    expect(new Set(calls).size).toBe(1);
    await Promise.all(calls);
    const jobs = await db().$queryRawUnsafe<{ data: { eventIds: string[] }; singleton_key: string | null }[]>(
      `SELECT data, singleton_key FROM pgboss.job WHERE name = $1`,
      reconcileJob.name,
    );
    expect(jobs).toEqual([{ data: { reason: "webhooks", eventIds: ["1", "2", "3"] }, singleton_key: "reconcile" }]);
  });

  it("does nothing when no event was new", async () => {
    await expect(afterWebhooksStored([])).resolves.toBeUndefined();
  });
});
