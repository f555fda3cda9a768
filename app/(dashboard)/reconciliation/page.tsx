// Finance's reconciliation view: filters, summary, the item table with bulk confirmation, trends, and the
// detail panel of the item named in the URL (`?item=<id>&ref=<merchant reference>`).
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { toLocale } from "@/i18n/locales";
import { requirePage } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { findOrderItemId, loadReconDetail } from "@/lib/reconciliation/detail";
import { listReconItems } from "@/lib/reconciliation/queries";
import { reconSummary } from "@/lib/reconciliation/summary";
import { listStoresFor } from "@/lib/stores/stores";
import { Notice, PageHeader } from "@/components/ui/card";
import { DetailPanel } from "./_components/detail-panel";
import { FilterForm } from "./_components/filter-form";
import { ItemsTable } from "./_components/items-table";
import { ReconCharts } from "./_components/recon-charts";
import { exportHref, readReconQuery, reconHref, type FilterKey, type ReconQuery } from "./_components/recon-query";
import { toRowViews } from "./_components/recon-rows";
import { SummaryCards } from "./_components/summary-cards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recon"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A stale page link (cursor) shows the first page instead of an error. */
async function listPage(p: Principal, q: ReconQuery) {
  try {
    return { ...(await listReconItems(p, q.filter)), badCursor: false };
  } catch (err) {
    if (!q.filter.cursor || !isAppError(err) || err.code !== "VALIDATION") throw err;
    return { ...(await listReconItems(p, { ...q.filter, cursor: undefined })), badCursor: true };
  }
}

/** Decisions re-create an order's item under a new id; the merchant reference finds the current one. */
async function loadDetail(p: Principal, item: NonNullable<ReconQuery["item"]>) {
  const attempt = async (id: string | null) => {
    if (!id) return null;
    try {
      return await loadReconDetail(p, id);
    } catch (err) {
      if (isAppError(err) && err.code === "NOT_FOUND") return null;
      throw err;
    }
  };
  return (await attempt(item.id)) ?? (item.ref ? await attempt(await findOrderItemId(p, item.ref)) : null);
}

const headerLink =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100";

export default async function ReconciliationPage({ searchParams }: { searchParams: SearchParams }) {
  const p = await requirePage("reconciliation.read");
  const [t, tp, format, locale] = await Promise.all([
    getTranslations("recon"),
    getTranslations("problems"),
    getFormatter(),
    getLocale(),
  ]);
  const q = readReconQuery(await searchParams, toLocale(locale));
  const problemOf = (key: FilterKey) => {
    const problem = q.problems[key];
    if (!problem) return undefined;
    return problem.code && tp.has(problem.code) ? tp(problem.code, problem.values) : problem.message;
  };
  const [page, summary, storeList, detail] = await Promise.all([
    listPage(p, q),
    reconSummary(p, q.filter),
    listStoresFor(p),
    q.item ? loadDetail(p, q.item) : null,
  ]);
  const stores = new Map(storeList.map((s) => [s.id, { name: s.name, timezone: s.timezone }]));
  const rows = toRowViews(page.items, { t, format, locale, stores, params: q.params });
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-6">
        <PageHeader title={t("title")} intro={t("intro")} />
        <div className="mb-6 flex flex-wrap gap-2">
          <Link href="/reconciliation/imports" className={headerLink}>
            {t("importData")}
          </Link>
          {/* A plain anchor: the route streams a file download, not a page. */}
          <a href={exportHref(q)} className={headerLink} download>
            {t("exportCsv")}
          </a>
        </div>
      </div>
      {q.item ? (
        <DetailPanel
          detail={detail}
          requested={q.item.ref ?? `#${q.item.id ?? ""}`}
          closeHref={reconHref(q.params, { item: null, ref: null })}
          stores={stores}
          t={t}
          format={format}
          locale={locale}
        />
      ) : null}
      <div className="flex flex-col gap-6">
        {q.ignored.length ? (
          <Notice tone="warn">
            {t("filters.ignored", { fields: q.ignored.map((k) => t(`filters.field.${k}`)).join(", ") })}
          </Notice>
        ) : null}
        {page.badCursor ? <Notice tone="warn">{t("filters.badCursor")}</Notice> : null}
        <FilterForm q={q} t={t} stores={storeList} problemOf={problemOf} />
        <SummaryCards summary={summary} q={q} t={t} format={format} locale={locale} />
        <ItemsTable rows={rows} q={q} nextCursor={page.nextCursor} t={t} />
        <ReconCharts
          summary={summary}
          t={t}
          format={format}
          locale={locale}
          storeNames={new Map(storeList.map((s) => [s.id, s.name]))}
        />
      </div>
    </>
  );
}
