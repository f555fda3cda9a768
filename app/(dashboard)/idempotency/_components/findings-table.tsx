// One page of findings (server-filtered, cursor-paged): when, what, where, which key, and the chain to open.
import Link from "next/link";
import type { getFormatter } from "next-intl/server";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { FindingItem } from "@/lib/idempotency";
import { idemHref, type IdemQuery } from "./idem-query";
import { buttonLinkClass, CodeBadge, linkClass, type Translate } from "./labels";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;
const col = createColumnHelper<FindingItem>();

/** A line of what the finding's detail says, in the reader's words. */
export function describeDetail(f: FindingItem, t: Translate): string {
  const d = f.detail;
  switch (f.code) {
    case "key_changed_on_retry":
      return t("detail.keys", { count: Number(d.keyCount ?? 0), attempts: Number(d.attempts ?? 0) });
    case "retry_without_backoff":
      return t("detail.delays", { delays: Array.isArray(d.delaysMs) ? d.delaysMs.slice(0, 6).join(", ") : "" });
    case "retry_after_key_expiry":
      return t("detail.age", { days: Number(d.ageDays ?? 0) });
    case "key_reused_across_regions":
      return Array.isArray(d.regions) ? d.regions.join(" + ") : "";
    case "retry_of_non_transient_error":
      return t("detail.previous", { status: String(d.previousStatus ?? "?") });
    case "key_too_long":
      return t("detail.length", { length: Number(d.length ?? 0) });
    case "process_retry_webhook":
      return String(d.pspReference ?? "");
    default:
      return f.evidence[0]?.where ?? "";
  }
}

export function FindingsTable({
  items,
  q,
  nextCursor,
  t,
  format,
}: {
  items: FindingItem[];
  q: IdemQuery;
  nextCursor: string | null;
  t: Translate;
  format: Formatter;
}) {
  const columns = [
    col.display({
      id: "at",
      header: () => t("findings.at"),
      cell: ({ row: { original: f } }) =>
        f.at ? (
          <time dateTime={f.at}>{format.dateTime(new Date(f.at), { dateStyle: "short", timeStyle: "medium" })}</time>
        ) : (
          "—"
        ),
      meta: { className: "whitespace-nowrap" },
    }),
    col.display({
      id: "code",
      header: () => t("findings.code"),
      cell: ({ row }) => <CodeBadge code={row.original.code} t={t} />,
    }),
    col.display({
      id: "endpoint",
      header: () => t("dimension.endpoint"),
      cell: ({ row }) => row.original.endpoint ?? "—",
      meta: { className: "max-w-48 break-words" },
    }),
    col.display({
      id: "account",
      header: () => t("dimension.merchantAccount"),
      cell: ({ row }) => row.original.merchantAccount ?? "—",
    }),
    col.display({ id: "region", header: () => t("dimension.region"), cell: ({ row }) => row.original.region ?? "—" }),
    col.display({
      id: "client",
      header: () => t("dimension.client"),
      cell: ({ row }) => row.original.client ?? "—",
      meta: { className: "max-w-40 truncate" },
    }),
    col.display({
      id: "key",
      header: () => t("findings.key"),
      cell: ({ row }) => (
        <span className="break-all font-mono text-xs">
          {row.original.idempotencyKey ? row.original.idempotencyKey.slice(0, 40) : "—"}
        </span>
      ),
      meta: { className: "max-w-40" },
    }),
    col.display({
      id: "detail",
      header: () => t("findings.detail"),
      cell: ({ row }) => describeDetail(row.original, t),
      meta: { className: "max-w-56 break-words text-slate-700" },
    }),
    col.display({
      id: "chain",
      header: () => t("findings.chain"),
      cell: ({ row: { original: f } }) =>
        f.chainNo === null ? (
          "—"
        ) : (
          <Link
            href={idemHref(q.params, { chain: String(f.chainNo) }, "#chain")}
            className={`${linkClass} inline-flex min-h-11 items-center whitespace-nowrap`}
            prefetch={false}
            scroll={false}
          >
            {t("findings.openChain", { n: f.chainNo })}
          </Link>
        ),
    }),
  ];
  return (
    <div className="grid gap-3">
      <DataTable
        caption={t("findings.title")}
        hideCaption
        columns={columns}
        data={items}
        getRowId={(f) => f.id}
        emptyText={t("findings.empty")}
        minWidthClass="min-w-[64rem]"
      />
      <nav
        aria-label={t("findings.pagination")}
        className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3"
      >
        <span className="text-sm text-slate-600">{t("findings.shown", { count: items.length })}</span>
        <div className="flex gap-2">
          {q.filter.cursor ? (
            <Link href={idemHref(q.params, { cursor: null }, "#findings")} prefetch={false} className={buttonLinkClass}>
              {t("findings.firstPage")}
            </Link>
          ) : null}
          {nextCursor ? (
            <Link
              href={idemHref(q.params, { cursor: nextCursor }, "#findings")}
              prefetch={false}
              className={buttonLinkClass}
            >
              {t("findings.nextPage")}
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
