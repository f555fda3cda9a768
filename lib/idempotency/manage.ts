// What the uploader of an analysis (or an admin) may do with it: cancel it while it waits or runs, delete it
// once it ended. Both are audited.
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorLabel } from "@/lib/idempotency/analyze";
import { ACTIVE_STATUSES, ended, isStale, mayManage } from "@/lib/idempotency/lifecycle";
import { analysisQueue } from "@/lib/idempotency/runner/queue";

const ACTIVE: string[] = [...ACTIVE_STATUSES];

async function managed(actor: Actor, id: string) {
  assertCan(actor, "idempotency.analyze");
  const a = await db().idempotencyAnalysis.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      createdById: true,
      createdBy: true,
      kind: true,
      source: true,
      heartbeatAt: true,
    },
  });
  if (!a) throw new AppError("NOT_FOUND", `No idempotency analysis ${id}.`);
  if (!mayManage(actor, a.createdById)) {
    throw new AppError("FORBIDDEN", "Only whoever started this analysis, or an admin, may cancel or delete it.");
  }
  return a;
}

/**
 * Cancels a queued or running analysis. The process holding it stops it at once when that is this one, else
 * within a heartbeat (it looks for cancellations on its rows); the analysis ends as cancelled.
 */
export async function cancelAnalysis(actor: Actor, id: string, requestId?: string): Promise<{ status: string }> {
  const a = await managed(actor, id);
  if (!ACTIVE.includes(a.status)) {
    throw new AppError("CONFLICT", `The analysis has already ended (${a.status}); nothing to cancel.`);
  }
  const by = actorLabel(actor);
  // Nobody holds it any more (its server stopped): it ends here.
  const orphaned = isStale(a.heartbeatAt);
  await db().$transaction(async (tx) => {
    await tx.idempotencyAnalysis.updateMany({
      where: { id, status: { in: ACTIVE } },
      data: orphaned
        ? { cancelRequestedBy: by, ...ended("cancelled", "cancelled", { by }) }
        : { cancelRequestedBy: by },
    });
    await recordAudit(tx, actor, {
      action: "idempotency.cancel",
      entityType: "idempotency_analysis",
      entityId: id,
      before: { status: a.status },
      requestId,
    });
  });
  if (orphaned) return { status: "cancelled" };
  analysisQueue().cancel(id, by);
  return { status: "cancelling" };
}

/** Deletes an analysis that ended, with its findings, chains and files, and its days in the trend. */
export async function deleteAnalysis(actor: Actor, id: string, requestId?: string): Promise<void> {
  const a = await managed(actor, id);
  if (ACTIVE.includes(a.status)) {
    throw new AppError("CONFLICT", `The analysis is still ${a.status}: cancel it first.`);
  }
  await db().$transaction(
    async (tx) => {
      await tx.idempotencyDaily.deleteMany({ where: { analysisId: id } });
      await tx.idempotencyAnalysis.delete({ where: { id } });
      await recordAudit(tx, actor, {
        action: "idempotency.delete",
        entityType: "idempotency_analysis",
        entityId: id,
        before: { status: a.status, kind: a.kind, source: a.source, createdBy: a.createdBy },
        requestId,
      });
    },
    { timeout: 60_000 },
  );
}
