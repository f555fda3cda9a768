import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { seedDemo, seedDemoIfEmpty } from "@/prisma/seed/demo";

withTestDatabase();

describe("demo seed", () => {
  it("fills an empty database once, with every reconciliation status finance should see", async () => {
    const first = await seedDemoIfEmpty(db());
    expect(first).toMatchObject({ stores: 4, usersCreated: 4, orders: 160 });
    const statuses = await db().reconItem.groupBy({ by: ["status"], _count: true });
    const seen = new Set(statuses.map((s) => s.status));
    for (const s of ["matched", "mismatched", "duplicate", "suggested", "unexpected"] as const)
      expect(seen).toContain(s);
    expect(await seedDemoIfEmpty(db())).toBeNull();
    expect(await seedDemo(db())).toMatchObject({ usersCreated: 0 });
    expect(await db().user.count()).toBe(4);
  });
});
