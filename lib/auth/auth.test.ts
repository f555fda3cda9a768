import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { createUser, findActiveUserByEmail, principalForUser } from "@/lib/auth/users";
import { authenticateBearer, createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { verifyPassword } from "@/lib/auth/password";
import { upsertStore } from "@/lib/stores/stores";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await upsertStore({ id: "STORE1", name: "One", timezone: "Europe/Berlin" }, "system");
  await upsertStore({ id: "STORE2", name: "Two", timezone: "Europe/Amsterdam" }, "system");
});
afterAll(async () => database.drop());

describe("users", () => {
  it("stores a bcrypt hash, scopes store managers to their stores and audits the creation", async () => {
    const u = await createUser(
      { email: " Manager@Example.com ", role: "store_manager", password: "a-long-password-1", storeIds: ["STORE1"] },
      "system",
    );
    expect(u.email).toBe("manager@example.com");
    const row = await findActiveUserByEmail("MANAGER@example.com");
    expect(row?.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await verifyPassword("a-long-password-1", row?.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-password-1", row?.passwordHash)).toBe(false);
    const p = await principalForUser(u.id);
    expect(p?.storeIds).toEqual(["STORE1"]);
    const audit = await db().auditLog.findFirst({ where: { entityId: u.id, action: "user.create" } });
    expect(audit?.actorType).toBe("system");
    expect(JSON.stringify(audit?.after)).not.toContain("a-long-password-1");
  });

  it("rejects bad input with specific messages and writes nothing", async () => {
    await expect(
      createUser({ email: "x@example.com", role: "store_manager", password: "a-long-password-1" }, "system"),
    ).rejects.toThrow(/at least one store/);
    await expect(
      createUser({ email: "nope", role: "finance", password: "a-long-password-1" }, "system"),
    ).rejects.toThrow(/valid email/);
    await expect(
      createUser({ email: "short@example.com", role: "finance", password: "short" }, "system"),
    ).rejects.toThrow(/at least 12/);
    await expect(
      createUser({ email: "r@example.com", role: "root", password: "a-long-password-1" }, "system"),
    ).rejects.toThrow(/role must be one of/);
    await expect(
      createUser(
        { email: "s@example.com", role: "store_manager", password: "a-long-password-1", storeIds: ["NOPE"] },
        "system",
      ),
    ).rejects.toThrow(/unknown store id/);
    expect(
      await db().user.count({
        where: { email: { in: ["x@example.com", "nope", "short@example.com", "r@example.com", "s@example.com"] } },
      }),
    ).toBe(0);
  });

  it("never finds a disabled user", async () => {
    const u = await createUser({ email: "gone@example.com", role: "finance", password: "a-long-password-1" }, "system");
    await db().user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await findActiveUserByEmail("gone@example.com")).toBeNull();
    expect(await principalForUser(u.id)).toBeNull();
  });
});

describe("API tokens", () => {
  it("authenticates by hash only, keeps store scope, and stops working when revoked", async () => {
    const { id, token } = await createApiToken({ name: "pos", role: "store_manager", storeIds: ["STORE2"] }, "system");
    const row = await db().apiToken.findUnique({ where: { id } });
    expect(row?.tokenHash).not.toContain(token);
    const p = await authenticateBearer(`Bearer ${token}`);
    expect(p).toMatchObject({ kind: "token", role: "store_manager", storeIds: ["STORE2"] });
    await expect(revokeApiToken(id, p)).rejects.toThrow(/may not tokens.manage/);
    await revokeApiToken(id, "system");
    await expect(authenticateBearer(`Bearer ${token}`)).rejects.toThrow(/unknown, expired or revoked/);
    await expect(authenticateBearer(null)).rejects.toThrow(/Authorization: Bearer/);
    await expect(authenticateBearer("Basic abc")).rejects.toThrow(/Authorization: Bearer/);
  });
});
