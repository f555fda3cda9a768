// The states of an analysis row and how one that lost its process is told apart: queued and running rows carry a
// heartbeat from the process holding them (runner/queue.ts); one older than STALE_MS belongs to a process that
// stopped, and is shown (and, by the retention job, recorded) as failed.
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { outcomeText, type OutcomeCode, type OutcomeParams } from "@/lib/idempotency/outcomes";
import { STALE_MS } from "@/lib/idempotency/runner/queue";

export const ACTIVE_STATUSES = ["queued", "running"] as const;

/** Who, besides an admin, may cancel or delete an analysis: the same user or token. */
export function ownerOf(actor: Actor): string | null {
  return actor === "system" ? null : `${actor.kind}:${actor.id}`;
}

/** The uploader or an admin; the ops CLI acts as an admin. */
export function mayManage(actor: Actor, createdById: string | null): boolean {
  if (actor === "system" || actor.role === "admin") return true;
  return createdById !== null && createdById === ownerOf(actor);
}

export function isStale(heartbeatAt: Date | null, now = Date.now()): boolean {
  return heartbeatAt === null || now - heartbeatAt.getTime() > STALE_MS;
}

/** The columns of an analysis that ended without results. */
export function ended(status: "failed" | "cancelled", code: OutcomeCode, params: OutcomeParams) {
  return { status, reasonCode: code, reasonParams: params, reason: outcomeText(code, params), finishedAt: new Date() };
}

/** Records analyses whose process stopped as failed; returns how many. */
export async function failOrphanedAnalyses(now = new Date()): Promise<number> {
  const { count } = await db().idempotencyAnalysis.updateMany({
    where: {
      status: { in: [...ACTIVE_STATUSES] },
      OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - STALE_MS) } }],
    },
    data: ended("failed", "server_stopped", {}),
  });
  return count;
}
