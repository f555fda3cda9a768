// One analysis at a glance: findings per code (each a link that filters the table), its files, and where
// reading stopped for files that could not be read to the end.
import Link from "next/link";
import type { getFormatter } from "next-intl/server";
import { Notice } from "@/components/ui/card";
import { FINDING_CODES, type AnalysisDetail } from "@/lib/idempotency";
import { analysisHref, idemHref } from "./idem-query";
import { CodeBadge, linkClass, percent, VerdictBadge, type Translate } from "./labels";
import { problemText } from "./problem-text";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export function AnalysisSummary({
  a,
  params,
  t,
  format,
}: {
  a: AnalysisDetail;
  params: URLSearchParams;
  t: Translate;
  format: Formatter;
}) {
  const s = a.summary;
  if (!s) {
    const reason =
      a.reason && t.has(`outcome.${a.reason.code}`) ? t(`outcome.${a.reason.code}`, a.reason.params) : null;
    return (
      <p className="text-sm text-slate-600">
        {reason ? t("summary.ended", { status: t(`analyses.statusName.${a.status}`), reason }) : t("summary.running")}
      </p>
    );
  }
  const mb = (n: number) => format.number(n / 1024 / 1024, { maximumFractionDigits: 1 });
  return (
    <div className="grid gap-4">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {(
          [
            ["entries", format.number(s.entries)],
            ["adyenRequests", format.number(s.adyenRequests)],
            ["chains", format.number(s.chains)],
            ["readiness", s.readiness.requests === 0 ? "—" : percent(s.readiness.overall)],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded border border-slate-200 p-2">
            <dt className="text-xs text-slate-600">{t(`summary.${key}`)}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {t("summary.verdict")} <VerdictBadge verdict={s.readiness.verdict} t={t} />
      </p>
      {s.evidence?.sampled ? (
        <Notice>
          {t("summary.sampled", {
            stored: format.number(s.evidence.stored),
            total: format.number(Object.values(s.findings).reduce((x, y) => x + y, 0)),
          })}
        </Notice>
      ) : null}
      {s.problems.length > 0 ? (
        <Notice tone="warn">
          <p className="font-medium">{t("summary.incomplete")}</p>
          <ul className="list-disc pl-5">
            {s.problems.map((p) => (
              <li key={p.file}>{problemText(p, t)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("summary.byCode")}</h3>
        <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {FINDING_CODES.map((code) => (
            <li
              key={code}
              className="flex items-center justify-between gap-2 rounded border border-slate-100 px-2 py-1"
            >
              {s.findings[code] > 0 ? (
                <Link
                  href={idemHref(params, { code, cursor: null, chain: null }, "#findings")}
                  className="min-h-8 inline-flex items-center"
                  prefetch={false}
                >
                  <CodeBadge code={code} t={t} />
                </Link>
              ) : (
                <CodeBadge code={code} t={t} muted />
              )}
              <span className="tabular-nums">{format.number(s.findings[code])}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("summary.files")}</h3>
        <ul className="grid gap-1 text-sm">
          {a.inputs.map((i, n) => (
            <li key={n} className="break-words">
              <span className="font-medium">{i.name}</span>{" "}
              <span className="text-slate-600">
                {t("summary.file", { format: i.format ?? "—", entries: i.entries, mb: mb(i.contentBytes) })}
                {i.compressed ? ` · gzip` : ""}
                {i.complete ? "" : ` · ${t("summary.stoppedAt", { where: i.stoppedAt ?? "?" })}`}
              </span>
              {i.analysedBefore ? (
                <>
                  {" · "}
                  <Link href={analysisHref(i.analysedBefore)} className={linkClass} prefetch={false}>
                    {t("summary.analysedBefore")}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
