// The links as a list of cards (readable on a phone), newest first, each with its live status.
import Link from "next/link";
import type { getFormatter } from "next-intl/server";
import { formatMinor } from "@/lib/money";
import type { PaymentLinkView } from "@/lib/runbook";
import { LinkStatusBadge } from "@/components/payment-links/link-status-badge";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function LinkList(props: {
  links: PaymentLinkView[];
  storeNames: Map<string, string>;
  t: Translate;
  format: Awaited<ReturnType<typeof getFormatter>>;
  locale: string;
}) {
  if (props.links.length === 0) return <p className="py-6 text-center text-slate-600">{props.t("empty")}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100" aria-label={props.t("listLabel")}>
      {props.links.map((l) => (
        <li key={l.id} className="py-3">
          <Link
            href={`/payment-links/${l.id}`}
            className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-md px-1 py-1 hover:bg-slate-50"
          >
            <span className="flex flex-col">
              <span className="font-medium">{l.reference}</span>
              <span className="text-xs text-slate-600">
                {props.storeNames.get(l.storeId) ?? l.storeId} ·{" "}
                {props.format.dateTime(new Date(l.createdAt), { dateStyle: "short", timeStyle: "short" })}
              </span>
            </span>
            <span className="flex items-center gap-3">
              <span className="font-semibold tabular-nums">
                {formatMinor(l.amount.value, l.amount.currency, props.locale)}
              </span>
              <LinkStatusBadge status={l.status} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
