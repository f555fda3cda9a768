// Audit log: every state-changing action records who, what, when, before and after, inside the same transaction.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Our id of the request that made the change (never one the caller chose). */
  requestId?: string;
  /** What the caller sent as x-request-id, kept apart for correlation with their logs. */
  callerRequestId?: string;
};

function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Round-trip drops undefined, turns Dates into strings and BigInts into strings: what JSON columns can hold.
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, actor: Principal | "system", entry: AuditEntry): Promise<void> {
  const who =
    actor === "system"
      ? { actorType: "system" as const, actorId: null, actorLabel: "system" }
      : { actorType: actor.kind, actorId: actor.id, actorLabel: actor.label };
  await tx.auditLog.create({
    data: {
      ...who,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: asJson(entry.before),
      after: asJson(entry.after),
      requestId: entry.requestId ?? null,
      callerRequestId: entry.callerRequestId ?? null,
    },
  });
}
