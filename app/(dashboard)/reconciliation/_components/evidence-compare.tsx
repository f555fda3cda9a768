// The order and each piece of evidence side by side, with the fields finance compares (amount, time, terminal,
// PSP reference, event code, card and auth code). Differences from the order are marked, not only coloured.
import { formatMinor } from "@/lib/money";
import type { EvidenceDetail, ReconDetail } from "@/lib/reconciliation/detail";
import type { Formatter, StoreInfo, Translate } from "./recon-rows";
import { storeTime } from "./recon-rows";
import { CopyButton } from "./copy-button";

type Ctx = { t: Translate; format: Formatter; locale: string; store: StoreInfo | undefined };
type Field = { label: string; value: React.ReactNode; differs?: boolean };

function Fields({ fields }: { fields: Field[] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {fields
        .filter((f) => f.value !== null && f.value !== undefined && f.value !== "")
        .map((f) => (
          <div key={f.label} className="contents">
            <dt className="text-slate-600">{f.label}</dt>
            <dd className={`break-all ${f.differs ? "font-semibold text-amber-900" : ""}`}>
              {f.differs ? <span aria-hidden="true">≠ </span> : null}
              {f.value}
            </dd>
          </div>
        ))}
    </dl>
  );
}

const mono = (v: string | null | undefined) => (v ? <code className="text-xs">{v}</code> : null);

export function OrderCard({ order, ctx }: { order: NonNullable<ReconDetail["order"]>; ctx: Ctx }) {
  const { t, format, locale, store } = ctx;
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <h3 className="mb-2 text-sm font-semibold">{t("detail.order")}</h3>
      <Fields
        fields={[
          { label: t("detail.merchantReference"), value: mono(order.merchantReference) },
          { label: t("detail.amount"), value: formatMinor(order.amount.value, order.amount.currency, locale) },
          { label: t("detail.time"), value: storeTime(format, order.orderedAt, store) },
          { label: t("detail.terminal"), value: mono(order.terminalId) },
          { label: t("detail.psp"), value: mono(order.pspReference) },
        ]}
      />
    </div>
  );
}

export function EvidenceCard(props: {
  ev: EvidenceDetail;
  order: ReconDetail["order"];
  ctx: Ctx;
  copyable: boolean;
  children?: React.ReactNode;
}) {
  const { ev, order, ctx } = props;
  const { t, format, locale, store } = ctx;
  const hintId = `evidence-${ev.kind}-${ev.id}-hint`;
  const yesNo = ev.success === undefined ? null : ev.success ? t("detail.yes") : t("detail.no");
  const amountDiffers =
    !!order && !!ev.amount && (ev.amount.value !== order.amount.value || ev.amount.currency !== order.amount.currency);
  const terminalDiffers = !!order?.terminalId && !!ev.terminalId && ev.terminalId !== order.terminalId;
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <h3 className="mb-2 flex flex-wrap items-center gap-2 text-sm font-semibold">
        {t("detail.evidenceTitle", { kind: t(`detail.kind.${ev.kind}`), id: ev.id })}
        {ev.role ? <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal">{ev.role}</code> : null}
      </h3>
      <Fields
        fields={[
          {
            label: t("detail.amount"),
            value: ev.amount ? formatMinor(ev.amount.value, ev.amount.currency, locale) : null,
            differs: amountDiffers,
          },
          { label: t("detail.time"), value: ev.at ? storeTime(format, ev.at, store) : null },
          { label: t("detail.terminal"), value: mono(ev.terminalId), differs: terminalDiffers },
          { label: t("detail.psp"), value: mono(ev.pspReference) },
          { label: t("detail.eventCode"), value: mono(ev.eventCode) },
          { label: t("detail.success"), value: yesNo },
          { label: t("detail.merchantReference"), value: mono(ev.extra.merchantReference) },
          { label: t("detail.paymentLink"), value: mono(ev.extra.paymentLinkId) },
          { label: t("detail.paymentMethod"), value: ev.extra.paymentMethod },
          { label: t("detail.card"), value: ev.extra.card },
          { label: t("detail.authCode"), value: mono(ev.extra.authCode) },
          { label: t("detail.tender"), value: mono(ev.extra.tenderReference) },
          { label: t("detail.settlementType"), value: ev.extra.type },
          { label: t("detail.batch"), value: ev.extra.batch },
          { label: t("detail.evidenceId"), value: <code className="text-xs">{ev.id}</code> },
        ]}
      />
      {props.copyable ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <CopyButton text={ev.id} describedBy={hintId} />
          <p id={hintId} className="text-xs text-slate-600">
            {t("detail.copyHint")}
          </p>
        </div>
      ) : null}
      {props.children ? <div className="mt-3 flex flex-wrap gap-2">{props.children}</div> : null}
    </div>
  );
}
