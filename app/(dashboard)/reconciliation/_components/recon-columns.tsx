// The table's column model. Column ids that equal a sort key of the filter schema get sortable headers.
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { RowCheckbox, SelectAllCheckbox } from "@/components/data-table/row-selection";
import { StatusBadge } from "./status-badge";
import type { ReconRowView, Translate } from "./recon-rows";

const col = createColumnHelper<ReconRowView>();

export function reconColumns(t: Translate, rows: ReconRowView[]) {
  const selectable = rows.filter((r) => r.selectable).map((r) => r.id);
  return [
    col.display({
      id: "select",
      header: () => <SelectAllCheckbox ids={selectable} label={t("table.selectAll")} />,
      cell: ({ row: { original: r } }) =>
        r.selectable ? <RowCheckbox id={r.id} label={t("table.selectRow", { reference: r.label })} /> : null,
      meta: { className: "w-12 pl-3" },
    }),
    col.display({
      id: "reference",
      header: () => t("table.reference"),
      cell: ({ row: { original: r } }) => (
        <Link
          href={r.href}
          prefetch={false}
          className={`inline-flex min-h-11 items-center break-all font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600 ${r.hasReference ? "" : "font-mono text-xs"}`}
        >
          {r.label}
        </Link>
      ),
      meta: { className: "max-w-56" },
    }),
    col.display({ id: "store", header: () => t("table.store"), cell: ({ row }) => row.original.store }),
    col.display({
      id: "occurred_at",
      header: () => t("table.time"),
      cell: ({ row: { original: r } }) => <time dateTime={r.timeIso}>{r.time}</time>,
      meta: { className: "whitespace-nowrap" },
    }),
    col.display({
      id: "amount",
      header: () => t("table.amount"),
      cell: ({ row: { original: r } }) => (
        <>
          <div>{r.amount ?? "—"}</div>
          {r.paid ? <div className="text-xs text-amber-900">{t("table.paid", { amount: r.paid })}</div> : null}
        </>
      ),
      meta: { className: "whitespace-nowrap text-right tabular-nums" },
    }),
    col.display({
      id: "status",
      header: () => t("table.status"),
      cell: ({ row: { original: r } }) => <StatusBadge status={r.status} label={r.statusLabel} />,
    }),
    col.display({ id: "method", header: () => t("table.method"), cell: ({ row }) => row.original.method }),
    col.display({
      id: "confidence",
      header: () => t("table.confidence"),
      cell: ({ row }) => row.original.confidenceLabel,
      meta: { className: "whitespace-nowrap text-right tabular-nums" },
    }),
    col.display({
      id: "evidence",
      header: () => t("table.evidence"),
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-col gap-0.5">
          <span>{t("table.evidenceCount", { count: r.evidenceCount })}</span>
          {r.pspRefs.map((p) => (
            <code key={p} className="text-xs text-slate-600">
              {p}
            </code>
          ))}
          {r.evidenceIds.map((e) => (
            <code key={e} className="text-xs text-violet-900">
              {e}
            </code>
          ))}
        </div>
      ),
    }),
  ];
}
