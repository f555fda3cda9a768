import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { seedDemo, seedDemoIfEmpty } from "@/prisma/seed/demo";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

describe("demo seed", () => {
  it("fills an empty database once, with every reconciliation status finance should see", async () => {
    const first = await seedDemoIfEmpty(db());
    expect(first).toMatchObject({ stores: 4, usersCreated: 4, orders: 160 });
    const statuses = await db().reconItem.groupBy({ by: ["status"], _count: true });
    const seen = new Set(statuses.map((s) => s.status));
    for (const s of ["matched", "mismatched", "duplicate", "suggested", "unexpected"] as const) expect(seen).toContain(s);
    expect(await seedDemoIfEmpty(db())).toBeNull();
    expect(await seedDemo(db())).toMatchObject({ usersCreated: 0 });
    expect(await db().user.count()).toBe(4);
  });
});
