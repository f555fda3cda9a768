// Turns result rows into what the table shows: names, store-local times and amounts in the reader's locale.
import type { getFormatter } from "next-intl/server";
import { formatMinor } from "@/lib/money";
import type { ReconRow } from "@/lib/reconciliation/queries";
import { reconHref } from "./recon-query";

export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};
export type Formatter = Awaited<ReturnType<typeof getFormatter>>;
export type StoreInfo = { name: string; timezone: string };

export type ReconRowView = {
  id: string;
  label: string;
  merchantReference: string | null;
  hasReference: boolean;
  href: string;
  store: string;
  time: string;
  timeIso: string;
  amount: string | null;
  paid: string | null;
  status: string;
  statusLabel: string;
  method: string;
  confidence: number;
  confidenceLabel: string;
  evidenceCount: number;
  pspRefs: string[];
  /** For payments without an order: the ids finance copies into a manual match. */
  evidenceIds: string[];
  selectable: boolean;
};

/**
 * A status as the reader sees it: a reason that says more than its status words it itself ("paid by link, POS order
 * not yet received" rather than "expected").
 */
export function statusLabel(t: Translate, item: Pick<ReconRow, "status" | "reason">): string {
  const specific = `statusByReason.${item.reason}`;
  return t.has(specific) ? t(specific) : t(`status.${item.status}`);
}

/** Confidence is that of a match: an item nothing was matched to has none to show. */
export function confidenceLabel(t: Translate, item: Pick<ReconRow, "confidence" | "method">): string {
  return item.method === null ? "—" : t("table.confidenceValue", { value: item.confidence });
}

/** How an item is named: its merchant reference, else its PSP reference, else its first evidence, else its row id. */
export function itemLabel(row: Pick<ReconRow, "id" | "merchantReference" | "evidence">, t: Translate): string {
  const first = row.evidence[0];
  const evidence = first ? t("detail.evidenceTitle", { kind: t(`detail.kind.${first.kind}`), id: first.id }) : null;
  return row.merchantReference ?? row.evidence.find((e) => e.pspReference)?.pspReference ?? evidence ?? `#${row.id}`;
}

export function detailHref(params: URLSearchParams, row: Pick<ReconRow, "id" | "merchantReference">): string {
  return reconHref(params, { item: row.id, ref: row.merchantReference }, "#recon-item");
}

export function storeTime(format: Formatter, iso: string, store: StoreInfo | undefined): string {
  return format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short", timeZone: store?.timezone ?? "UTC" });
}

export function toRowViews(
  rows: ReconRow[],
  ctx: { t: Translate; format: Formatter; locale: string; stores: Map<string, StoreInfo>; params: URLSearchParams },
): ReconRowView[] {
  const { t, format, locale, stores } = ctx;
  return rows.map((r) => {
    const store = r.storeId ? stores.get(r.storeId) : undefined;
    const currency = r.amount?.currency;
    const paidDiffers = currency && r.paidValue !== null && r.paidValue !== r.amount?.value;
    return {
      id: r.id,
      label: itemLabel(r, t),
      merchantReference: r.merchantReference,
      hasReference: r.merchantReference !== null,
      href: detailHref(ctx.params, r),
      store: store?.name ?? r.storeId ?? "—",
      time: storeTime(format, r.occurredAt, store),
      timeIso: r.occurredAt,
      amount: r.amount ? formatMinor(r.amount.value, r.amount.currency, locale) : null,
      paid: paidDiffers && r.paidValue !== null ? formatMinor(r.paidValue, currency, locale) : null,
      status: r.status,
      statusLabel: statusLabel(t, r),
      method: t(`method.${r.method ?? "none"}`),
      confidence: r.confidence,
      confidenceLabel: confidenceLabel(t, r),
      evidenceCount: r.evidence.length,
      pspRefs: [...new Set(r.evidence.map((e) => e.pspReference).filter((p): p is string => Boolean(p)))],
      evidenceIds:
        r.status === "unexpected" || r.reason === "link_paid_order_pending"
          ? r.evidence
              .filter((e) => e.kind === "event" || e.kind === "receipt")
              .map((e) => t("detail.evidenceTitle", { kind: t(`detail.kind.${e.kind}`), id: e.id }))
          : [],
      selectable: r.status === "suggested",
    };
  });
}
