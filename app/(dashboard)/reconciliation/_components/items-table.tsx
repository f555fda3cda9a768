// The items card: bulk confirmation, the server-sorted table (scrolls sideways on phones) and cursor paging.
import Link from "next/link";
import { SORTS } from "@/lib/reconciliation/filters";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/data-table/data-table";
import { SelectionProvider } from "@/components/data-table/row-selection";
import type { SortLink } from "@/components/data-table/column-meta";
import { BulkConfirmBar } from "./bulk-confirm-bar";
import { reconColumns } from "./recon-columns";
import { reconHref, sortLink, type ReconQuery } from "./recon-query";
import type { ReconRowView, Translate } from "./recon-rows";

const pageLink =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100";

export function ItemsTable({
  rows,
  q,
  nextCursor,
  t,
}: {
  rows: ReconRowView[];
  q: ReconQuery;
  nextCursor: string | null;
  t: Translate;
}) {
  const sortLinks: Record<string, SortLink> = Object.fromEntries(SORTS.map((s) => [s, sortLink(q, s)]));
  return (
    <Card title={t("table.caption")}>
      {/* Keyed by the query so a new page or filter starts with nothing selected. */}
      <SelectionProvider key={q.params.toString()}>
        <BulkConfirmBar />
        <DataTable
          caption={t("table.caption")}
          hideCaption
          columns={reconColumns(t, rows)}
          data={rows}
          getRowId={(r) => r.id}
          sortLinks={sortLinks}
          emptyText={t("table.empty")}
          minWidthClass="min-w-[60rem]"
        />
      </SelectionProvider>
      <nav
        aria-label={t("table.pagination")}
        className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3"
      >
        <span className="text-sm text-slate-600">{t("table.shown", { count: rows.length })}</span>
        <div className="flex gap-2">
          {q.filter.cursor ? (
            <Link href={reconHref(q.params, { cursor: null })} prefetch={false} className={pageLink}>
              {t("table.firstPage")}
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={reconHref(q.params, { cursor: nextCursor })} prefetch={false} className={pageLink}>
              {t("table.nextPage")}
            </Link>
          ) : null}
        </div>
      </nav>
    </Card>
  );
}
