// Readiness per endpoint, merchant account, region or client: tabs in the URL, one row per value with its verdict,
// its share of requests sent the new way and the findings that block it. A value links to its findings. The
// verdict comes right after the value: on a phone the table scrolls sideways, and the answer stays in view.
import Link from "next/link";
import type { getFormatter } from "next-intl/server";
import { Cell, Row, SimpleTable } from "@/components/ui/simple-table";
import { DIMENSIONS, FINDING_CODES, SEVERITY, type Dimension, type ReadinessItem } from "@/lib/idempotency";
import { idemHref } from "./idem-query";
import { linkClass, percent, VerdictBadge, type Translate } from "./labels";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;
const FILTER_PARAM: Record<Dimension, string> = {
  endpoint: "endpoint",
  merchantAccount: "account",
  region: "region",
  client: "client",
};
const MAX_ROWS = 100;

export function ReadinessTable({
  rows,
  dim,
  params,
  t,
  format,
}: {
  rows: ReadinessItem[];
  dim: Dimension;
  params: URLSearchParams;
  t: Translate;
  format: Formatter;
}) {
  const shown = rows.filter((r) => r.dimension === dim);
  return (
    <div className="grid gap-3">
      <nav aria-label={t("readiness.by")} className="flex flex-wrap gap-1">
        {DIMENSIONS.map((d) => (
          <Link
            key={d}
            href={idemHref(params, { dim: d }, "#readiness")}
            aria-current={d === dim ? "page" : undefined}
            prefetch={false}
            scroll={false}
            className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${d === dim ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {t(`dimension.${d}`)}
          </Link>
        ))}
      </nav>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{t("readiness.empty")}</p>
      ) : (
        <SimpleTable
          caption={t("readiness.caption", { dimension: t(`dimension.${dim}`) })}
          columns={[
            { label: t(`dimension.${dim}`) },
            { label: t("readiness.verdict") },
            { label: t("readiness.requests"), align: "right" },
            { label: t("readiness.ready"), align: "right" },
            { label: t("readiness.blocking") },
          ]}
        >
          {shown.slice(0, MAX_ROWS).map((r) => {
            const blocking = FINDING_CODES.filter((c) => SEVERITY[c] === "blocking" && (r.findings[c] ?? 0) > 0);
            return (
              <Row key={r.value}>
                <Cell className="max-w-72 break-words">
                  <Link
                    href={idemHref(params, { [FILTER_PARAM[dim]]: r.value, cursor: null, chain: null }, "#findings")}
                    className={linkClass}
                    prefetch={false}
                  >
                    {r.value}
                  </Link>
                </Cell>
                <Cell>
                  <VerdictBadge verdict={r.verdict} t={t} />
                </Cell>
                <Cell className="text-right tabular-nums">{format.number(r.requests)}</Cell>
                <Cell className="text-right tabular-nums">
                  {r.requests === 0 ? "—" : percent(r.ready / r.requests)}
                </Cell>
                <Cell className="text-sm">
                  {blocking.length === 0
                    ? "—"
                    : blocking.map((c) => `${t(`codes.${c}.label`)} (${format.number(r.findings[c] ?? 0)})`).join(", ")}
                </Cell>
              </Row>
            );
          })}
        </SimpleTable>
      )}
      {shown.length > MAX_ROWS ? (
        <p className="text-sm text-slate-600">{t("readiness.more", { shown: MAX_ROWS, total: shown.length })}</p>
      ) : null}
    </div>
  );
}
