// Bulk confirmation: every listed suggestion with exactly one best candidate is confirmed in one transaction (with
// one audit entry each), then the whole batch is re-matched once. Ties, conflicts between orders and payments
// another order holds are left for a person.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { rematchDecided, type DecidedPair } from "@/lib/reconciliation/rematch";

type Ref = { kind: string; id: string; role?: string };
const NEEDS_A_PERSON = new Set(["standalone_tied", "payment_claimed_twice"]);

export async function bulkConfirm(
  actor: Principal,
  itemIds: string[],
): Promise<{ confirmed: number; skipped: number }> {
  assertCan(actor, "reconciliation.decide");
  const ids = z.array(z.string().regex(/^\d+$/)).max(500).parse(itemIds);
  const items = await db().reconItem.findMany({ where: { id: { in: ids.map((id) => BigInt(id)) } } });
  const picks = new Map<string, { item: (typeof items)[number]; kind: "event" | "receipt"; id: bigint }>();
  for (const item of items) {
    const refs = Array.isArray(item.evidence) ? (item.evidence as Ref[]) : [];
    const candidates = refs.filter((e) => e.kind === "event" || e.kind === "receipt");
    const pick = candidates.find((e) => e.kind === "event") ?? candidates[0];
    if (item.status !== "suggested" || !item.orderId || !pick || NEEDS_A_PERSON.has(item.reason)) continue;
    // Two rows proposing the same payment: neither is confirmed in bulk.
    const key = `${pick.kind}:${pick.id}`;
    if (picks.has(key)) picks.delete(key);
    else picks.set(key, { item, kind: pick.kind as "event" | "receipt", id: BigInt(pick.id) });
  }
  const chosen = [...picks.values()];
  // Each row's store, as a single confirmation checks it: one row of a store the actor may not decide for refuses all.
  for (const c of chosen) assertCan(actor, "reconciliation.decide", { storeId: c.item.storeId });
  const confirmedOrders = await db().$transaction(async (tx) => {
    const orderIds = chosen.map((c) => c.item.orderId as bigint);
    await tx.$executeRaw`UPDATE match_decisions SET active = false, decided_at = now()
      WHERE order_id = ANY(${orderIds}::bigint[]) AND active AND decision IN ('confirmed', 'manual')`;
    // A payment that another order holds (decided meanwhile by someone else) is skipped, not fought over.
    const inserted = await tx.$queryRaw<{ order_id: bigint }[]>`
      INSERT INTO match_decisions (order_id, evidence_kind, evidence_id, decision, decided_by)
      SELECT * FROM unnest(${orderIds}::bigint[], ${chosen.map((c) => c.kind)}::text[], ${chosen.map((c) => c.id)}::bigint[],
                           array_fill('confirmed'::text, ARRAY[${chosen.length}::int]), array_fill(${actor.label}::text, ARRAY[${chosen.length}::int]))
      ON CONFLICT DO NOTHING RETURNING order_id`;
    const done = new Set(inserted.map((r) => r.order_id));
    for (const c of chosen.filter((x) => done.has(x.item.orderId as bigint))) {
      await recordAudit(tx, actor, {
        action: "reconciliation.confirm",
        entityType: "recon_item",
        entityId: c.item.id.toString(),
        before: { status: c.item.status, method: c.item.method, evidence: c.item.evidence },
        after: { decision: "confirmed", evidence: { kind: c.kind, id: c.id.toString() }, bulk: true },
      });
    }
    return done;
  });
  const orders = await db().posOrder.findMany({ where: { id: { in: [...confirmedOrders] } } });
  const pairs: DecidedPair[] = orders.map((order) => {
    const c = chosen.find((x) => x.item.orderId === order.id);
    return { order, evidence: { kind: c?.kind ?? "event", id: c?.id ?? 0n } };
  });
  await rematchDecided(pairs);
  return { confirmed: confirmedOrders.size, skipped: ids.length - confirmedOrders.size };
}
