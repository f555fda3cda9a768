// Users: creation (CLI, admin UI, demo seed) and the lookups sign-in needs.
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import { hashPassword, checkPasswordStrength } from "@/lib/auth/password";
import { roleSchema, type Role } from "@/lib/auth/roles";
import { storeScope, type Principal } from "@/lib/auth/principal";

export const newUserSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: "must be a valid email address" })),
    name: z.string().trim().min(1, { message: "is required" }).max(120).optional(),
    role: roleSchema,
    password: z.string().superRefine((p, ctx) => {
      const problem = checkPasswordStrength(p);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    storeIds: z.array(z.string().trim().min(1)).default([]),
  })
  .superRefine((u, ctx) => {
    if (u.role === "store_manager" && u.storeIds.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["storeIds"],
        message: "a store manager needs at least one store (--store)",
      });
    }
  });

export type NewUser = z.input<typeof newUserSchema>;

export async function createUser(
  input: unknown,
  actor: Principal | "system",
): Promise<{ id: string; email: string; role: Role }> {
  assertCan(actor, "users.manage");
  const u = newUserSchema.parse(input);
  const passwordHash = await hashPassword(u.password);
  return db().$transaction(async (tx) => {
    const known = await tx.store.findMany({ where: { id: { in: u.storeIds } }, select: { id: true } });
    const missing = u.storeIds.filter((id) => !known.some((s) => s.id === id));
    if (missing.length) throw new AppError("VALIDATION", `unknown store id(s): ${missing.join(", ")}`);
    if (await tx.user.findUnique({ where: { email: u.email } }))
      throw new AppError("CONFLICT", `a user with email ${u.email} exists`);
    const user = await tx.user.create({
      data: {
        email: u.email,
        name: u.name ?? u.email.split("@")[0] ?? u.email,
        role: u.role,
        passwordHash,
        stores: { create: u.storeIds.map((storeId) => ({ storeId })) },
      },
    });
    const after = { email: user.email, role: user.role, storeIds: u.storeIds };
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after });
    return { id: user.id, email: user.email, role: user.role };
  });
}

export type SignInUser = { id: string; email: string; name: string; role: Role; passwordHash: string | null };

/**
 * Whether an account may act now: not disabled, and not a demo account (published password) unless Adyen is the
 * simulator. Checked at sign-in and on every request, so disabling or going live ends existing sessions too.
 */
export function isAccountUsable(user: { disabledAt: Date | null; demo: boolean }): boolean {
  return !user.disabledAt && (!user.demo || env().SIMULATOR_MODE);
}

export async function findActiveUserByEmail(email: string): Promise<SignInUser | null> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || !isAccountUsable(user)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, passwordHash: user.passwordHash };
}

/** The principal for a session's user id, read fresh so role changes and disabling apply at once. */
export async function principalForUser(userId: string): Promise<Principal | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    include: { stores: { select: { storeId: true } } },
  });
  if (!user || !isAccountUsable(user)) return null;
  return {
    kind: "user",
    id: user.id,
    label: user.email,
    role: user.role,
    storeIds: storeScope(
      user.role,
      user.stores.map((s) => s.storeId),
    ),
  };
}

const disableSchema = z.object({ userId: z.uuid({ message: "must be a user id" }), disabled: z.boolean() });

/** Disables (or enables again) an account: its sign-ins are refused and its current sessions end at once. */
export async function setUserDisabled(
  actor: Principal | "system",
  input: z.input<typeof disableSchema>,
): Promise<void> {
  assertCan(actor, "users.manage");
  const { userId, disabled } = disableSchema.parse(input);
  if (disabled && actor !== "system" && actor.kind === "user" && actor.id === userId) {
    throw new AppError("CONFLICT", "You cannot disable your own account; ask another admin.");
  }
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { email: true, disabledAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    if (Boolean(before.disabledAt) === disabled) return;
    const after = await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    await recordAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      before: { email: before.email, disabledAt: before.disabledAt },
      after: { email: after.email, disabledAt: after.disabledAt },
    });
  });
}

/** Removes every demo account (the one step before the same data runs against real Adyen). */
export async function removeDemoUsers(actor: Principal | "system"): Promise<string[]> {
  assertCan(actor, "users.manage");
  return db().$transaction(async (tx) => {
    const demo = await tx.user.findMany({ where: { demo: true }, select: { id: true, email: true } });
    // Their tokens were made with a published password: revoked, not orphaned (deleting the user unlinks them).
    await tx.apiToken.updateMany({
      where: { createdById: { in: demo.map((u) => u.id) }, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.user.deleteMany({ where: { id: { in: demo.map((u) => u.id) } } });
    for (const u of demo) {
      await recordAudit(tx, actor, { action: "user.delete", entityType: "user", entityId: u.id, before: u });
    }
    return demo.map((u) => u.email);
  });
}

/** How many demo accounts exist (the start warns about them outside simulator mode). */
export async function countDemoUsers(): Promise<number> {
  return db().user.count({ where: { demo: true } });
}
