// One reconciliation item with its order and every piece of evidence, for the side-by-side detail panel.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { storesFor } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { isVisible, toRow, type ReconRow } from "@/lib/reconciliation/queries";

export type EvidenceDetail = {
  kind: string;
  id: string;
  role: string | undefined;
  score: number | undefined;
  pspReference: string | null;
  eventCode?: string;
  success?: boolean;
  amount: { value: number; currency: string } | null;
  at: string | null;
  terminalId?: string | null;
  extra: Record<string, string | null>;
};

export type ReconDetail = {
  item: ReconRow;
  order: {
    merchantReference: string;
    storeId: string;
    amount: { value: number; currency: string };
    orderedAt: string;
    terminalId: string | null;
    pspReference: string | null;
  } | null;
  evidence: EvidenceDetail[];
  decisions: {
    id: string;
    decision: string;
    evidenceKind: string;
    evidenceId: string;
    decidedBy: string;
    decidedAt: string;
    active: boolean;
  }[];
};

const money = (v: bigint | null, c: string | null) => (v !== null && c ? { value: Number(v), currency: c } : null);

// An item of a store the caller may not see answers like a missing one: its existence is not theirs to know.
export async function loadReconDetail(p: Principal, id: string): Promise<ReconDetail> {
  const stores = storesFor(p, "reconciliation.read");
  const raw = /^\d{1,18}$/.test(id) ? await db().reconItem.findUnique({ where: { id: BigInt(id) } }) : null;
  if (!raw || !isVisible(stores, raw.storeId)) throw new AppError("NOT_FOUND", "No such reconciliation item.");
  const item = toRow({
    id: raw.id,
    merchant_reference: raw.merchantReference,
    store_id: raw.storeId,
    amount_value: raw.amountValue,
    currency: raw.currency,
    status: raw.status,
    method: raw.method,
    confidence: raw.confidence,
    reason: raw.reason,
    evidence: raw.evidence,
    occurred_at: raw.occurredAt,
    paid_value: raw.paidValue,
    sort_value: null,
  });
  const ids = (kind: string) => item.evidence.filter((e) => e.kind === kind).map((e) => BigInt(e.id));
  const [order, events, receipts, lines, decisions] = await Promise.all([
    raw.orderId ? db().posOrder.findUnique({ where: { id: raw.orderId } }) : null,
    db().paymentEvent.findMany({ where: { id: { in: ids("event") } } }),
    db().standaloneReceipt.findMany({ where: { id: { in: ids("receipt") } } }),
    db().settlementLine.findMany({ where: { id: { in: ids("settlement") } } }),
    raw.orderId ? db().matchDecision.findMany({ where: { orderId: raw.orderId }, orderBy: { decidedAt: "desc" } }) : [],
  ]);
  const evidence = item.evidence.map((ref): EvidenceDetail => {
    const base = {
      kind: ref.kind,
      id: ref.id,
      role: ref.role,
      score: ref.score,
      pspReference: ref.pspReference ?? null,
    };
    if (ref.kind === "event") {
      const e = events.find((x) => x.id.toString() === ref.id);
      return {
        ...base,
        eventCode: e?.eventCode,
        success: e?.success,
        amount: money(e?.amountValue ?? null, e?.currency ?? null),
        at: e?.eventDate?.toISOString() ?? null,
        terminalId: e?.terminalId,
        extra: {
          merchantReference: e?.merchantReference ?? null,
          paymentLinkId: e?.paymentLinkId ?? null,
          paymentMethod: e?.paymentMethod ?? null,
        },
      };
    }
    if (ref.kind === "receipt") {
      const r = receipts.find((x) => x.id.toString() === ref.id);
      return {
        ...base,
        amount: money(r?.amountValue ?? null, r?.currency ?? null),
        at: r?.transactedAt.toISOString() ?? null,
        terminalId: r?.terminalId,
        extra: {
          tenderReference: r?.tenderReference ?? null,
          card: r?.cardBrand ? `${r.cardBrand} •••• ${r.cardLast4 ?? ""}` : null,
          authCode: r?.authCode ?? null,
        },
      };
    }
    const l = lines.find((x) => x.id.toString() === ref.id);
    return {
      ...base,
      amount: money(l?.grossCredit ?? l?.grossDebit ?? null, l?.grossCurrency ?? null),
      at: l?.bookedAt?.toISOString() ?? null,
      extra: { type: l?.type ?? null, batch: l?.batchNumber ?? null },
    };
  });
  return {
    item,
    order: order
      ? {
          merchantReference: order.merchantReference,
          storeId: order.storeId,
          amount: { value: Number(order.amountValue), currency: order.currency },
          orderedAt: order.orderedAt.toISOString(),
          terminalId: order.terminalId,
          pspReference: order.pspReference,
        }
      : null,
    evidence,
    decisions: decisions.map((d) => ({
      id: d.id.toString(),
      decision: d.decision,
      evidenceKind: d.evidenceKind,
      evidenceId: d.evidenceId.toString(),
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt.toISOString(),
      active: d.active,
    })),
  };
}

/**
 * Item ids are derived from the order or payment they stand for and survive every run; this finds an order's item
 * by merchant reference for links that carry only the reference (the first of the caller's stores that has it).
 */
export async function findOrderItemId(p: Principal, merchantReference: string): Promise<string | null> {
  const stores = storesFor(p, "reconciliation.read");
  const raw = await db().reconItem.findFirst({
    where: {
      merchantReference,
      orderId: { not: null },
      ...(stores === "all" ? {} : { storeId: { in: stores } }),
    },
    select: { id: true, storeId: true },
    orderBy: { id: "asc" },
  });
  return raw && isVisible(stores, raw.storeId) ? raw.id.toString() : null;
}
