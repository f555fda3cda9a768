// The latest analyses, newest first; the one shown below is marked, the others link to themselves.
import Link from "next/link";
import { Cell, Row, SimpleTable } from "@/components/ui/simple-table";
import type { AnalysisListItem } from "@/lib/idempotency";
import type { getFormatter } from "next-intl/server";
import { analysisHref } from "./idem-query";
import { linkClass, percent, type Translate } from "./labels";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export function AnalysesTable({
  items,
  selected,
  t,
  format,
}: {
  items: AnalysisListItem[];
  selected: string | null;
  t: Translate;
  format: Formatter;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("analyses.none")}</p>;
  return (
    <SimpleTable
      caption={t("analyses.title")}
      columns={[
        { label: t("analyses.when") },
        { label: t("analyses.source") },
        { label: t("analyses.entries"), align: "right" },
        { label: t("analyses.adyen"), align: "right" },
        { label: t("analyses.findings"), align: "right" },
        { label: t("analyses.readiness"), align: "right" },
        { label: t("analyses.status") },
      ]}
    >
      {items.map((a) => (
        <Row key={a.id}>
          <Cell className="whitespace-nowrap">
            {a.id === selected ? (
              <span aria-current="true" className="font-semibold">
                {format.dateTime(new Date(a.createdAt), { dateStyle: "short", timeStyle: "short" })}
              </span>
            ) : (
              <Link href={analysisHref(a.id)} className={linkClass} prefetch={false}>
                {format.dateTime(new Date(a.createdAt), { dateStyle: "short", timeStyle: "short" })}
              </Link>
            )}
          </Cell>
          <Cell className="max-w-64 break-words">
            {a.source || t(`analyses.kind.${a.kind}`)}
            <span className="block text-xs text-slate-500">
              {t(`analyses.kind.${a.kind}`)} · {a.createdBy}
            </span>
          </Cell>
          <Cell className="text-right tabular-nums">{format.number(a.entries)}</Cell>
          <Cell className="text-right tabular-nums">{format.number(a.adyenRequests)}</Cell>
          <Cell className="text-right tabular-nums">{format.number(a.findingsTotal)}</Cell>
          <Cell className="text-right tabular-nums">{a.readiness === null ? "—" : percent(a.readiness)}</Cell>
          <Cell>{t(`analyses.statusName.${a.status}`)}</Cell>
        </Row>
      ))}
    </SimpleTable>
  );
}
