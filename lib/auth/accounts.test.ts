import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authenticateBearer, createApiToken, LAST_USE_STEP_MS, listApiTokens } from "@/lib/auth/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createUser, principalForUser, setUserDisabled } from "@/lib/auth/users";
import { withTestDatabase } from "@/lib/testing/database";
import { REAL_CREDENTIALS_ENV } from "@/lib/testing/environments";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { seedDemo } from "@/prisma/seed/demo";

withTestDatabase();
const SIMULATOR = { LOG_LEVEL: "silent", SIMULATOR_MODE: "true" };

afterAll(() => setEnvForTests({}));

let address = 0;
// A fresh address per attempt keeps these tests clear of the throttle.
const signIn = (email: string, password: string) => signInWithPassword({ email, password }, `192.0.2.${++address}`);
const admin = DEMO_USERS.find((u) => u.role === "admin");

describe("demo accounts", () => {
  beforeAll(async () => {
    setEnvForTests(SIMULATOR);
    await seedDemo(db());
  });

  it("sign in in simulator mode", async () => {
    setEnvForTests(SIMULATOR);
    await expect(signIn(admin?.email ?? "", admin?.password ?? "")).resolves.toMatchObject({ email: admin?.email });
  });

  it("are refused once the same data runs with real Adyen credentials, and their sessions end", async () => {
    setEnvForTests(SIMULATOR);
    const user = await db().user.findUniqueOrThrow({ where: { email: admin?.email } });
    expect(await principalForUser(user.id)).not.toBeNull();
    setEnvForTests(REAL_CREDENTIALS_ENV);
    for (const u of DEMO_USERS) await expect(signIn(u.email, u.password)).rejects.toThrow("invalid");
    expect(await principalForUser(user.id)).toBeNull();
  });

  it("API tokens a demo account created stop working outside simulator mode", async () => {
    setEnvForTests(SIMULATOR);
    const user = await db().user.findUniqueOrThrow({ where: { email: admin?.email } });
    const actor = await principalForUser(user.id);
    const { token } = await createApiToken({ name: "made in the demo", role: "finance" }, actor ?? "system");
    await expect(authenticateBearer(`Bearer ${token}`)).resolves.toMatchObject({ role: "finance" });
    setEnvForTests(REAL_CREDENTIALS_ENV);
    await expect(authenticateBearer(`Bearer ${token}`)).rejects.toThrow(/unknown, expired or revoked/);
  });
});

describe("disabling a user", () => {
  let admin: Principal;
  beforeAll(async () => {
    setEnvForTests({ LOG_LEVEL: "silent" });
    const a = await createUser({ email: "boss@example.com", role: "admin", password: "a-long-password-1" }, "system");
    admin = (await principalForUser(a.id)) as Principal;
  });

  it("refuses their sign-in and ends the session they have, audited; enabling brings them back", async () => {
    setEnvForTests({ LOG_LEVEL: "silent" });
    const u = await createUser(
      { email: "leaver@example.com", role: "finance", password: "a-long-password-1" },
      "system",
    );
    expect(await principalForUser(u.id)).not.toBeNull();
    await setUserDisabled(admin, { userId: u.id, disabled: true });
    expect(await principalForUser(u.id)).toBeNull();
    await expect(signIn("leaver@example.com", "a-long-password-1")).rejects.toThrow("invalid");
    const audit = await db().auditLog.findFirst({ where: { entityId: u.id, action: "user.disable" } });
    expect(audit).toMatchObject({ actorId: admin.id, actorType: "user" });
    await setUserDisabled(admin, { userId: u.id, disabled: false });
    await expect(signIn("leaver@example.com", "a-long-password-1")).resolves.toMatchObject({ id: u.id });
    expect(await db().auditLog.count({ where: { entityId: u.id, action: "user.enable" } })).toBe(1);
  });

  it("stops the API tokens they created while they are disabled; the token list names the creator", async () => {
    setEnvForTests({ LOG_LEVEL: "silent" });
    const maker = await createUser(
      { email: "token-maker@example.com", role: "admin", password: "a-long-password-1" },
      "system",
    );
    const actor = (await principalForUser(maker.id)) as Principal;
    const { id, token } = await createApiToken({ name: "POS export", role: "finance" }, actor);
    const fromCli = await createApiToken({ name: "made by ops", role: "finance" }, "system");
    expect((await listApiTokens(admin)).find((t) => t.id === id)?.createdBy).toEqual({
      email: "token-maker@example.com",
      disabled: false,
    });
    expect((await listApiTokens(admin)).find((t) => t.id === fromCli.id)?.createdBy).toBeNull();
    await expect(authenticateBearer(`Bearer ${token}`)).resolves.toMatchObject({ kind: "token", role: "finance" });

    await setUserDisabled(admin, { userId: maker.id, disabled: true });
    await expect(authenticateBearer(`Bearer ${token}`)).rejects.toThrow(/unknown, expired or revoked/);
    expect((await listApiTokens(admin)).find((t) => t.id === id)?.createdBy).toEqual({
      email: "token-maker@example.com",
      disabled: true,
    });
    // Tokens made with the CLI belong to no user and keep working.
    await expect(authenticateBearer(`Bearer ${fromCli.token}`)).resolves.toMatchObject({ kind: "token" });

    await setUserDisabled(admin, { userId: maker.id, disabled: false });
    await expect(authenticateBearer(`Bearer ${token}`)).resolves.toMatchObject({ kind: "token" });
  });

  it("is for admins only, and an admin cannot lock themselves out", async () => {
    const f = await createUser({ email: "fin@example.com", role: "finance", password: "a-long-password-1" }, "system");
    const finance = (await principalForUser(f.id)) as Principal;
    await expect(setUserDisabled(finance, { userId: admin.id, disabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(setUserDisabled(admin, { userId: admin.id, disabled: true })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      setUserDisabled(admin, { userId: "00000000-0000-4000-8000-000000000000", disabled: true }),
    ).rejects.toBeInstanceOf(AppError);
  });
});

describe("API token expiry", () => {
  it("is optional, enforced on use and shown in the list", async () => {
    setEnvForTests({ LOG_LEVEL: "silent" });
    const soon = new Date(Date.now() + 60_000);
    const forever = await createApiToken({ name: "no expiry", role: "finance" }, "system");
    const shortLived = await createApiToken({ name: "short", role: "finance", expiresAt: soon }, "system");
    await expect(authenticateBearer(`Bearer ${shortLived.token}`)).resolves.toMatchObject({ kind: "token" });
    const listed = await listApiTokens("system");
    expect(listed.find((t) => t.id === shortLived.id)?.expiresAt?.getTime()).toBe(soon.getTime());
    expect(listed.find((t) => t.id === forever.id)?.expiresAt).toBeNull();
    await db().apiToken.update({ where: { id: shortLived.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(authenticateBearer(`Bearer ${shortLived.token}`)).rejects.toThrow(/unknown, expired or revoked/);
    await expect(authenticateBearer(`Bearer ${forever.token}`)).resolves.toMatchObject({ kind: "token" });
  });

  it("must lie in the future", async () => {
    await expect(
      createApiToken({ name: "past", role: "finance", expiresAt: new Date(Date.now() - 1000) }, "system"),
    ).rejects.toThrow(/future/);
  });
});

describe("API token last use", () => {
  const lastUsed = async (id: string) => (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
  // The write is not awaited by the request: wait until it shows (or give up, and let the assertion say so).
  const settled = async (id: string, until: (d: Date | null) => boolean) => {
    for (let i = 0; i < 50 && !until(await lastUsed(id)); i++) await new Promise((r) => setTimeout(r, 20));
    return lastUsed(id);
  };

  it("is recorded on first use, then at most once per step, so a polling client does not write on every read", async () => {
    setEnvForTests({ LOG_LEVEL: "silent" });
    const { id, token } = await createApiToken({ name: "poller", role: "finance" }, "system");
    expect(await lastUsed(id)).toBeNull();
    await authenticateBearer(`Bearer ${token}`);
    const first = await settled(id, (d) => d !== null);
    expect(first).not.toBeNull();
    for (let i = 0; i < 5; i++) await authenticateBearer(`Bearer ${token}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(await lastUsed(id)).toEqual(first);
    // A use after the step has passed is recorded again.
    const old = new Date(Date.now() - LAST_USE_STEP_MS - 1000);
    await db().apiToken.update({ where: { id }, data: { lastUsedAt: old } });
    await authenticateBearer(`Bearer ${token}`);
    const later = await settled(id, (d) => d !== null && d.getTime() !== old.getTime());
    expect(later?.getTime()).toBeGreaterThan(old.getTime());
  });
});
