// What the admin page shows: users with their stores, API tokens and the recent audit log.
import { db } from "@/lib/db";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";

export async function loadAdminOverview(actor: Principal) {
  assertCan(actor, "admin.read");
  const [users, tokens, audit] = await Promise.all([
    db().user.findMany({
      orderBy: { email: "asc" },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        disabledAt: true,
        demo: true,
        stores: { select: { storeId: true } },
      },
    }),
    listApiTokens(actor),
    db().auditLog.findMany({
      orderBy: { id: "desc" },
      take: 50,
      select: { id: true, at: true, actorLabel: true, action: true, entityType: true, entityId: true },
    }),
  ]);
  return { users, tokens, audit: audit.map((a) => ({ ...a, id: a.id.toString() })) };
}
