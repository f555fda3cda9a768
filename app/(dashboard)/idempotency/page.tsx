// The idempotency migration checker: upload traffic, run the self-test, follow the trend, and read one
// analysis (summary, readiness, findings with server-side filters in the URL, and a chain on its timeline).
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import {
  getAnalysis,
  getChain,
  lastSelfTest,
  latestAnalysisId,
  listAnalyses,
  listFindings,
  listReadiness,
  loadTrend,
  idempotencyRetentionDays,
  idempotencySpaceUsed,
  uploadLimitBytes,
} from "@/lib/idempotency";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { auditDashboardAction, runSelfTestAction } from "./actions";
import { AnalysesTable } from "./_components/analyses-table";
import { AnalysisSummary } from "./_components/analysis-summary";
import { AuditButton } from "./_components/audit-button";
import { CodeGuide } from "./_components/code-guide";
import { SpaceUsed } from "./_components/space-used";
import { ChainDetail } from "./_components/chain-detail";
import { FindingsFilter } from "./_components/findings-filter";
import { FindingsTable } from "./_components/findings-table";
import { idemHref, readIdemQuery } from "./_components/idem-query";
import { ReadinessTable } from "./_components/readiness-table";
import { SelfTestPanel } from "./_components/self-test-panel";
import { TrendChart } from "./_components/trend-chart";
import { Uploader } from "./_components/uploader";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("idempotency"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A stale link (an analysis or chain deleted since) shows a notice instead of an error page. */
async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "VALIDATION")) return null;
    throw err;
  }
}

async function loadAnalysis(p: Principal, id: string | null, q: ReturnType<typeof readIdemQuery>) {
  if (!id) return { detail: null, readiness: [], findings: null, chain: null };
  const [detail, readiness, findings, chain] = await Promise.all([
    orNull(() => getAnalysis(p, id)),
    listReadiness(p, id),
    orNull(() => listFindings(p, { ...q.filter, analysisId: id })),
    q.chain ? orNull(() => getChain(p, id, q.chain as number)) : null,
  ]);
  return { detail, readiness, findings, chain };
}

export default async function IdempotencyPage({ searchParams }: { searchParams: SearchParams }) {
  const p = await requirePage("idempotency.read");
  const q = readIdemQuery(await searchParams);
  const [t, format] = await Promise.all([getTranslations("idempotency"), getFormatter()]);
  const analysisId = q.analysisId ?? (await latestAnalysisId(p));
  const [analyses, trend, last, a, space] = await Promise.all([
    listAnalyses(p, 20),
    loadTrend(p),
    lastSelfTest(p),
    loadAnalysis(p, analysisId, q),
    idempotencySpaceUsed(p),
  ]);
  const retentionDays = idempotencyRetentionDays();
  const when = a.detail
    ? format.dateTime(new Date(a.detail.createdAt), { dateStyle: "medium", timeStyle: "short" })
    : "";
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-6">
        <div className="grid gap-6 lg:grid-cols-2">
          {can(p, "idempotency.analyze") ? (
            <Card title={t("upload.title")} className="min-w-0">
              <Uploader maxBytes={uploadLimitBytes()} />
            </Card>
          ) : null}
          <Card title={t("selfTest.title")} className="min-w-0">
            <SelfTestPanel last={last} canRun={can(p, "idempotency.self_test")} run={runSelfTestAction} />
          </Card>
        </div>
        <Card title={t("trend.title")} className="min-w-0">
          <TrendChart trend={trend} />
        </Card>
        <Card title={t("analyses.title")} className="min-w-0">
          <div className="grid gap-3">
            <AnalysesTable initial={analyses} selected={a.detail?.id ?? null} />
            <SpaceUsed space={space} days={retentionDays} t={t} format={format} />
            {can(p, "idempotency.analyze") ? <AuditButton run={auditDashboardAction} /> : null}
          </div>
        </Card>
        {q.analysisId && !a.detail ? <Notice tone="warn">{t("summary.notFound")}</Notice> : null}
        {a.detail ? (
          <>
            <section id="analysis" className="scroll-mt-4">
              <Card
                title={t("summary.title", { when, source: a.detail.source || t(`analyses.kind.${a.detail.kind}`) })}
                className="min-w-0"
              >
                <AnalysisSummary a={a.detail} params={q.params} t={t} format={format} />
              </Card>
            </section>
            <section id="readiness" className="scroll-mt-4">
              <Card title={t("readiness.title")} className="min-w-0">
                <ReadinessTable rows={a.readiness} dim={q.dim} params={q.params} t={t} format={format} />
              </Card>
            </section>
            <section id="findings" className="grid scroll-mt-4 gap-6">
              {q.chain && !a.chain ? <Notice tone="warn">{t("chain.notFound", { n: q.chain })}</Notice> : null}
              {a.chain ? (
                <ChainDetail
                  chain={a.chain}
                  closeHref={idemHref(q.params, { chain: null }, "#findings")}
                  t={t}
                  format={format}
                />
              ) : null}
              <Card title={t("guide.title")} className="min-w-0">
                <CodeGuide t={t} />
              </Card>
              <Card title={t("findings.title")} className="min-w-0">
                <div className="grid gap-4">
                  {q.ignored.length ? (
                    <Notice tone="warn">{t("findings.ignored", { fields: q.ignored.join(", ") })}</Notice>
                  ) : null}
                  <FindingsFilter q={q} rows={a.readiness} t={t} />
                  <FindingsTable
                    items={a.findings?.items ?? []}
                    q={q}
                    nextCursor={a.findings?.nextCursor ?? null}
                    t={t}
                    format={format}
                  />
                </div>
              </Card>
            </section>
          </>
        ) : !q.analysisId ? (
          <Notice>{t("summary.none")}</Notice>
        ) : null}
      </div>
    </>
  );
}
