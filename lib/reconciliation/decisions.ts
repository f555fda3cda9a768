// Finance's decisions: confirm or reject a suggested pair, match by hand, undo. Each is audited, kept apart from
// computed results (so re-runs remember it), and re-matches the affected order at once. Each checks
// `reconciliation.decide` first, then the store of the order it changes.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { SCOPE_MARGIN_MS } from "@/lib/reconciliation/engine/scope";

export const evidenceRefSchema = z.object({
  kind: z.enum(["event", "receipt"], { message: "evidence kind must be event or receipt" }),
  id: z.string().regex(/^\d{1,18}$/, { message: "evidence id must be a number" }),
});
export type EvidenceInput = z.infer<typeof evidenceRefSchema>;

type Decision = "confirmed" | "rejected" | "manual";

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

async function rematch(order: { merchantReference: string; orderedAt: Date }): Promise<void> {
  const t = order.orderedAt.getTime();
  await reconcile({
    kind: "partial",
    from: new Date(t - SCOPE_MARGIN_MS),
    to: new Date(t + SCOPE_MARGIN_MS),
    references: [order.merchantReference],
  });
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
    const taken = await db().matchDecision.findFirst({
      where: {
        active: true,
        decision: { in: ["confirmed", "manual"] },
        evidenceKind: ev.kind,
        evidenceId,
        orderId: { not: order.id },
      },
    });
    if (taken)
      throw new AppError("CONFLICT", "That payment is already matched to another order; undo that match first.");
  }
  await db().$transaction(async (tx) => {
    if (decision !== "rejected") {
      // One accepted pairing per order: a new confirmation or manual match replaces the previous one.
      await tx.matchDecision.updateMany({
        where: { orderId: order.id, active: true, decision: { in: ["confirmed", "manual"] } },
        data: { active: false, decidedAt: new Date() },
      });
    }
    const row = await tx.matchDecision.create({
      data: { orderId: order.id, evidenceKind: ev.kind, evidenceId, decision, decidedBy: actor.label },
    });
    await recordAudit(tx, actor, {
      action: `reconciliation.${decision === "manual" ? "manual_match" : decision === "confirmed" ? "confirm" : "reject"}`,
      entityType: "recon_item",
      entityId: itemId,
      before: { status: item.status, method: item.method, evidence: item.evidence },
      after: { decisionId: row.id.toString(), decision, evidence: ev, merchantReference: order.merchantReference },
    });
  });
  await rematch(order);
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
    await tx.matchDecision.update({ where: { id: d.id }, data: { active: false, decidedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "reconciliation.undo",
      entityType: "match_decision",
      entityId: d.id.toString(),
      before: { decision: d.decision, active: true },
      after: { active: false },
    });
  });
  if (order) await rematch(order);
}

/** Confirms every listed suggestion that has exactly one best candidate; tied ones are left for a person. */
export async function bulkConfirm(
  actor: Principal,
  itemIds: string[],
): Promise<{ confirmed: number; skipped: number }> {
  assertCan(actor, "reconciliation.decide");
  let confirmed = 0;
  let skipped = 0;
  for (const id of z.array(z.string().regex(/^\d+$/)).max(500).parse(itemIds)) {
    const item = await db().reconItem.findUnique({ where: { id: BigInt(id) } });
    const refs = Array.isArray(item?.evidence) ? (item.evidence as { kind: string; id: string; role?: string }[]) : [];
    const candidates = refs.filter((e) => e.kind === "event" || e.kind === "receipt");
    const pick =
      item?.reason === "standalone_tied" ? undefined : (candidates.find((e) => e.kind === "event") ?? candidates[0]);
    if (item?.status !== "suggested" || !pick) {
      skipped++;
      continue;
    }
    await confirmMatch(actor, id, { kind: pick.kind as "event" | "receipt", id: pick.id });
    confirmed++;
  }
  return { confirmed, skipped };
}
