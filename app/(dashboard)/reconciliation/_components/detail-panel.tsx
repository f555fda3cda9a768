// The open item: a side panel on wide screens, a full-width section at the top on phones. Shows why it has its
// status, the order and evidence side by side, and the decisions finance can take.
import Link from "next/link";
import type { ReconDetail } from "@/lib/reconciliation/detail";
import { formatMinor } from "@/lib/money";
import { Notice } from "@/components/ui/card";
import { confirmMatchAction, rejectMatchAction } from "../actions";
import { ActionButton } from "./action-button";
import { DecisionList } from "./decision-list";
import { EvidenceCard, OrderCard } from "./evidence-compare";
import { ManualMatchForm } from "./manual-match-form";
import { PanelFocus } from "./panel-focus";
import { confidenceLabel, itemLabel, statusLabel, type Formatter, type StoreInfo, type Translate } from "./recon-rows";
import { StatusBadge } from "./status-badge";

type Props = {
  detail: ReconDetail | null;
  requested: string;
  closeHref: string;
  stores: Map<string, StoreInfo>;
  t: Translate;
  format: Formatter;
  locale: string;
};
type Candidate = { kind: "event" | "receipt"; id: string; canConfirm: boolean };

const HEADING_ID = "recon-item-title";
const isUnit = (kind: string): kind is Candidate["kind"] => kind === "event" || kind === "receipt";
// The matcher only pairs orders that have no exact link (reference, PSP reference, payment link) by decision.
const EXACT = ["merchant_reference", "psp_reference", "payment_link"];

/** Pairs finance may decide on: each tied candidate, or the one heuristic pair (its payment event first). */
function candidatesOf(d: ReconDetail): { tied: boolean; list: Candidate[] } {
  const { item } = d;
  // Decided pairs (reason confirmed/manual) are changed through Undo; exact links are not finance's to reject.
  if (!d.order || !["standalone_tied", "standalone_weak", "standalone_unique"].includes(item.reason))
    return { tied: false, list: [] };
  const canConfirm = item.status === "suggested";
  if (item.reason === "standalone_tied") {
    return {
      tied: true,
      list: item.evidence.flatMap((e) =>
        e.role === "candidate" && isUnit(e.kind) ? [{ kind: e.kind, id: e.id, canConfirm }] : [],
      ),
    };
  }
  const pick = item.evidence.find((e) => e.kind === "event") ?? item.evidence.find((e) => e.kind === "receipt");
  return { tied: false, list: pick && isUnit(pick.kind) ? [{ kind: pick.kind, id: pick.id, canConfirm }] : [] };
}

function Decide({ itemId, c }: { itemId: string; c: Candidate }) {
  return (
    <>
      {c.canConfirm ? (
        <ActionButton kind="confirm" action={confirmMatchAction.bind(null, itemId, c.kind, c.id)} />
      ) : null}
      <ActionButton kind="reject" action={rejectMatchAction.bind(null, itemId, c.kind, c.id)} />
    </>
  );
}

export function DetailPanel({ detail, requested, closeHref, stores, t, format, locale }: Props) {
  const label = detail ? itemLabel(detail.item, t) : requested;
  const item = detail?.item;
  const store = item?.storeId ? stores.get(item.storeId) : undefined;
  const ctx = { t, format, locale, store };
  const { tied, list } = detail ? candidatesOf(detail) : { tied: false, list: [] };
  const candidateOf = (kind: string, id: string) =>
    tied ? list.find((c) => c.kind === kind && c.id === id) : undefined;
  return (
    <section
      id="recon-item"
      aria-labelledby={HEADING_ID}
      className="mb-6 flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm lg:fixed lg:inset-y-0 lg:right-0 lg:z-30 lg:mb-0 lg:w-[min(40rem,55vw)] lg:overflow-y-auto lg:rounded-none lg:border-y-0 lg:border-r-0 lg:p-6 lg:shadow-2xl"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id={HEADING_ID} tabIndex={-1} className="break-all text-lg font-semibold">
          {t("detail.heading", { reference: label })}
        </h2>
        <Link
          href={closeHref}
          scroll={false}
          prefetch={false}
          className="inline-flex min-h-11 shrink-0 items-center rounded-md border border-slate-300 px-4 text-sm font-medium hover:bg-slate-100"
        >
          {t("detail.close")}
        </Link>
      </div>
      <PanelFocus targetId={HEADING_ID} itemKey={item?.id ?? requested} closeHref={closeHref} />
      {!detail || !item ? (
        <Notice tone="warn">{t("detail.notFound")}</Notice>
      ) : (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("detail.status")}</dt>
            <dd>
              <StatusBadge status={item.status} label={statusLabel(t, item)} />
            </dd>
            <dt className="text-slate-600">{t("detail.method")}</dt>
            <dd>{t(`method.${item.method ?? "none"}`)}</dd>
            <dt className="text-slate-600">{t("detail.confidence")}</dt>
            <dd>{confidenceLabel(t, item)}</dd>
            {item.paidValue !== null && item.amount && item.paidValue !== item.amount.value ? (
              <>
                <dt className="text-slate-600">{t("detail.paid")}</dt>
                <dd className="font-semibold text-amber-900">
                  {formatMinor(item.paidValue, item.amount.currency, locale)}
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("detail.reason")}</dt>
            <dd>
              {t.has(`reason.${item.reason}`) ? t(`reason.${item.reason}`) : t("reason.unknown", { code: item.reason })}
            </dd>
          </dl>
          {!tied && list[0] ? (
            <div
              role="group"
              aria-label={t("detail.candidate", { kind: t(`detail.kind.${list[0].kind}`), id: list[0].id })}
              className="flex flex-wrap gap-2"
            >
              <Decide itemId={item.id} c={list[0]} />
            </div>
          ) : null}
          <div className="grid items-start gap-3 sm:grid-cols-2">
            {detail.order ? <OrderCard order={detail.order} ctx={ctx} /> : <Notice>{t("detail.noOrder")}</Notice>}
            <div className="flex flex-col gap-3">
              {detail.evidence.length === 0 ? <p className="text-sm text-slate-600">{t("detail.noEvidence")}</p> : null}
              {detail.evidence.map((ev) => {
                const c = candidateOf(ev.kind, ev.id);
                return (
                  <div
                    key={`${ev.kind}-${ev.id}`}
                    role={c ? "group" : undefined}
                    aria-label={c ? t("detail.candidate", { kind: t(`detail.kind.${ev.kind}`), id: ev.id }) : undefined}
                  >
                    <EvidenceCard ev={ev} order={detail.order} ctx={ctx} copyable={!detail.order && isUnit(ev.kind)}>
                      {c ? <Decide itemId={item.id} c={c} /> : null}
                    </EvidenceCard>
                  </div>
                );
              })}
            </div>
          </div>
          {detail.order && !EXACT.includes(item.method ?? "") ? <ManualMatchForm itemId={item.id} /> : null}
          {detail.order ? <DecisionList decisions={detail.decisions} t={t} format={format} /> : null}
        </>
      )}
    </section>
  );
}
