// Finance's decisions: confirm or reject a suggested pair, match by hand, undo. Each is audited, kept apart from
// computed results (so re-runs remember it), and re-matches the affected order at once. Each checks
// `reconciliation.decide` first, then the store of the order it changes. One accepted pairing per payment and per
// order is a database constraint: two people deciding at once cannot both win.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { rematchDecided } from "@/lib/reconciliation/rematch";

export const evidenceRefSchema = z.object({
  kind: z.enum(["event", "receipt"], { message: "evidence kind must be event or receipt" }),
  id: z.string().regex(/^\d{1,18}$/, { message: "evidence id must be a number" }),
});
export type EvidenceInput = z.infer<typeof evidenceRefSchema>;

type Decision = "confirmed" | "rejected" | "manual";
const TAKEN = "That payment is already matched to another order; undo that match first.";

/** A violation of one of the "one accepted pairing" unique indexes (the second of two concurrent decisions). */
function isTaken(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${JSON.stringify(err)}` : String(err);
  return /match_decisions_accepted_(evidence|order)_key|23505|P2002|Unique constraint/i.test(text);
}

const itemIdSchema = z.string().regex(/^\d{1,18}$/, { message: "item id must be a number" });

async function orderOf(actor: Principal, itemId: string) {
  const item = await db().reconItem.findUnique({ where: { id: BigInt(itemIdSchema.parse(itemId)) } });
  if (!item) throw new AppError("NOT_FOUND", "No such reconciliation item.");
  if (!item.orderId)
    throw new AppError("VALIDATION", "This payment has no order: match it from the order's row instead.");
  const order = await db().posOrder.findUnique({ where: { id: item.orderId } });
  if (!order) throw new AppError("NOT_FOUND", "The order behind this item no longer exists.");
  assertCan(actor, "reconciliation.decide", { storeId: order.storeId });
  return { item, order };
}

async function decide(actor: Principal, itemId: string, evidence: EvidenceInput, decision: Decision): Promise<void> {
  assertCan(actor, "reconciliation.decide");
  const ev = evidenceRefSchema.parse(evidence);
  const { item, order } = await orderOf(actor, itemId);
  const evidenceId = BigInt(ev.id);
  if (decision !== "rejected") {
    const exists =
      ev.kind === "event"
        ? await db().paymentEvent.count({ where: { id: evidenceId } })
        : await db().standaloneReceipt.count({ where: { id: evidenceId } });
    if (!exists) throw new AppError("NOT_FOUND", `No ${ev.kind} with id ${ev.id}.`);
  }
  try {
    await db().$transaction(async (tx) => {
      if (decision !== "rejected") {
        // One accepted pairing per order: a new confirmation or manual match replaces the previous one.
        await tx.$executeRaw`UPDATE match_decisions SET active = false, decided_at = now()
          WHERE order_id = ${order.id} AND active AND decision IN ('confirmed', 'manual')`;
      }
      const [row] = await tx.$queryRaw<{ id: bigint }[]>`
        INSERT INTO match_decisions (order_id, evidence_kind, evidence_id, decision, decided_by)
        VALUES (${order.id}, ${ev.kind}, ${evidenceId}, ${decision}, ${actor.label}) RETURNING id`;
      await recordAudit(tx, actor, {
        action: `reconciliation.${decision === "manual" ? "manual_match" : decision === "confirmed" ? "confirm" : "reject"}`,
        entityType: "recon_item",
        entityId: itemId,
        before: { status: item.status, method: item.method, evidence: item.evidence },
        after: { decisionId: row?.id.toString(), decision, evidence: ev, merchantReference: order.merchantReference },
      });
    });
  } catch (err) {
    if (isTaken(err)) throw new AppError("CONFLICT", TAKEN);
    throw err;
  }
  await rematchDecided([{ order, evidence: { kind: ev.kind, id: evidenceId } }]);
}

export const confirmMatch = (actor: Principal, itemId: string, evidence: EvidenceInput) =>
  decide(actor, itemId, evidence, "confirmed");
export const rejectMatch = (actor: Principal, itemId: string, evidence: EvidenceInput) =>
  decide(actor, itemId, evidence, "rejected");
export const matchManually = (actor: Principal, itemId: string, evidence: EvidenceInput) =>
  decide(actor, itemId, evidence, "manual");

export async function undoDecision(actor: Principal, decisionId: string): Promise<void> {
  assertCan(actor, "reconciliation.decide");
  const d = await db().matchDecision.findUnique({ where: { id: BigInt(z.string().regex(/^\d+$/).parse(decisionId)) } });
  if (!d || !d.active) throw new AppError("NOT_FOUND", "No active decision with that id.");
  const order = await db().posOrder.findUnique({ where: { id: d.orderId } });
  if (order) assertCan(actor, "reconciliation.decide", { storeId: order.storeId });
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE match_decisions SET active = false, decided_at = now() WHERE id = ${d.id}`;
    await recordAudit(tx, actor, {
      action: "reconciliation.undo",
      entityType: "match_decision",
      entityId: d.id.toString(),
      before: { decision: d.decision, active: true },
      after: { active: false },
    });
  });
  if (order) await rematchDecided([{ order, evidence: { kind: d.evidenceKind, id: d.evidenceId } }]);
}

export { bulkConfirm } from "@/lib/reconciliation/bulk-confirm";
