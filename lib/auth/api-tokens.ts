// API tokens for /api/v1/*: shown once at creation, stored as a SHA-256 hash, checked on every request.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import { roleSchema } from "@/lib/auth/roles";
import { isAccountUsable } from "@/lib/auth/users";
import { storeScope, type Principal } from "@/lib/auth/principal";

const PREFIX = "ops_";
/** How precisely a token's last use is recorded. */
export const LAST_USE_STEP_MS = 60_000;

export const newTokenSchema = z
  .object({
    name: z.string().trim().min(1, { message: "is required" }).max(80),
    role: roleSchema,
    storeIds: z.array(z.string().trim().min(1)).default([]),
    /** Optional: the token stops working at this time. */
    expiresAt: z.coerce
      .date({ message: "must be a date" })
      .refine((d) => d.getTime() > Date.now(), { message: "must lie in the future" })
      .optional(),
  })
  .superRefine((t, ctx) => {
    if (t.role === "store_manager" && t.storeIds.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["storeIds"],
        message: "a store_manager token needs at least one store (--store)",
      });
    }
  });

function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export async function createApiToken(
  input: unknown,
  actor: Principal | "system",
): Promise<{ id: string; token: string }> {
  assertCan(actor, "tokens.manage");
  const t = newTokenSchema.parse(input);
  const token = PREFIX + randomBytes(32).toString("base64url");
  return db().$transaction(async (tx) => {
    const known = await tx.store.count({ where: { id: { in: t.storeIds } } });
    if (known !== new Set(t.storeIds).size) throw new AppError("VALIDATION", "unknown store id in storeIds");
    const row = await tx.apiToken.create({
      data: {
        name: t.name,
        role: t.role,
        tokenHash: hashToken(token),
        prefix: token.slice(0, PREFIX.length + 6),
        createdById: actor !== "system" && actor.kind === "user" ? actor.id : null,
        expiresAt: t.expiresAt ?? null,
        stores: { create: t.storeIds.map((storeId) => ({ storeId })) },
      },
    });
    await recordAudit(tx, actor, {
      action: "api_token.create",
      entityType: "api_token",
      entityId: row.id,
      after: { name: t.name, role: t.role, storeIds: t.storeIds, prefix: row.prefix, expiresAt: row.expiresAt },
    });
    return { id: row.id, token };
  });
}

/** Resolves `Authorization: Bearer …` to a principal, or throws UNAUTHENTICATED. */
export async function authenticateBearer(header: string | null): Promise<Principal> {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "Send an API token as `Authorization: Bearer <token>`.");
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    include: {
      stores: { select: { storeId: true } },
      createdBy: { select: { disabledAt: true, demo: true } },
    },
  });
  const expired = row?.expiresAt && row.expiresAt.getTime() <= Date.now();
  // A token is worth no more than the account that made it: nothing while that user is disabled, and nothing outside
  // simulator mode when a demo account (published password) made it. Tokens made with the CLI belong to no user.
  const creatorUnusable = row?.createdBy ? !isAccountUsable(row.createdBy) : false;
  if (!row || row.revokedAt || expired || creatorUnusable) {
    throw new AppError("UNAUTHENTICATED", "The API token is unknown, expired or revoked.");
  }
  // Last use is informative only: no request waits on it, and it is written at most once per LAST_USE_STEP_MS, so
  // an integration polling many times a second does not turn each of its reads into a write of the same row.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USE_STEP_MS) {
    void db()
      .apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } })
      .catch(() => undefined);
  }
  return {
    kind: "token",
    id: row.id,
    label: `token:${row.name}`,
    role: row.role,
    storeIds: storeScope(
      row.role,
      row.stores.map((s) => s.storeId),
    ),
  };
}

export type ApiTokenListItem = Awaited<ReturnType<typeof listApiTokens>>[number];

/** The tokens, newest first, each with the user who created it (null: made with the CLI). */
export async function listApiTokens(actor: Principal | "system") {
  assertCan(actor, "tokens.manage");
  const rows = await db().apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      stores: { select: { storeId: true } },
      createdBy: { select: { email: true, disabledAt: true } },
    },
  });
  return rows.map(({ createdBy, ...t }) => ({
    ...t,
    createdBy: createdBy ? { email: createdBy.email, disabled: createdBy.disabledAt !== null } : null,
  }));
}

export async function revokeApiToken(id: string, actor: Principal | "system"): Promise<void> {
  assertCan(actor, "tokens.manage");
  await db().$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "No such API token.");
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: id,
      before: { revokedAt: before.revokedAt },
      after: { revokedAt: after.revokedAt },
    });
  });
}
