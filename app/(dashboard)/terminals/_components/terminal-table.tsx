// The terminals table: server-sorted columns (state in the URL), scrolls sideways on phones under its pinned
// "ready for standalone" column; admins get the standalone switch per row.
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { getFormatter } from "next-intl/server";
import type { TerminalRow } from "@/lib/runbook";
import { DataTable } from "@/components/data-table/data-table";
import type { SortLink } from "@/components/data-table/column-meta";
import { Badge } from "@/components/ui/badge";
import { TerminalStandaloneSwitch } from "@/components/terminals/standalone-switch";
import { setStandaloneAction } from "../actions";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function TerminalTable(props: {
  rows: TerminalRow[];
  t: Translate;
  format: Awaited<ReturnType<typeof getFormatter>>;
  sortLinks: Record<string, SortLink>;
  canSwitch: boolean;
}) {
  const { t, format } = props;
  const columns: ColumnDef<TerminalRow, unknown>[] = [
    {
      id: "ready",
      header: t("col.ready"),
      // First and pinned: on a phone the table scrolls sideways under it, so the answer stays in view.
      meta: { className: "sticky left-0 z-10 bg-white pl-1 max-w-28" },
      cell: ({ row }) =>
        row.original.readyForStandalone ? (
          <Badge tone="ok" symbol="✓">
            {t("ready")}
          </Badge>
        ) : (
          <span className="text-xs text-slate-600">{t("notReady")}</span>
        ),
    },
    {
      id: "terminal",
      header: t("col.terminal"),
      cell: ({ row }) => (
        <span className="flex flex-col">
          <span className="font-mono text-xs">{row.original.terminalId}</span>
          <span className="text-xs text-slate-600">{row.original.serialNumber}</span>
        </span>
      ),
    },
    {
      id: "standalone",
      header: t("col.standalone"),
      cell: ({ row }) => {
        const s = row.original.standalone;
        return (
          <span className="flex flex-col gap-1">
            {s.enabled === null ? (
              <Badge tone="neutral" symbol="?">
                {t("standaloneUnknown")}
              </Badge>
            ) : s.enabled ? (
              <Badge tone="ok" symbol="●">
                {t("standaloneOn", { currency: s.currency ?? "" })}
              </Badge>
            ) : (
              <Badge tone="neutral" symbol="○">
                {t("standaloneOff")}
              </Badge>
            )}
            {s.level ? (
              <span className="text-xs text-slate-600">{t("level", { level: t(`levels.${s.level}`) })}</span>
            ) : null}
          </span>
        );
      },
    },
    {
      id: "connected",
      header: t("col.connected"),
      cell: ({ row }) => {
        const c = row.original.connected;
        if (c === null) return <span className="text-xs text-slate-600">{t("connectionUnknown")}</span>;
        return c ? (
          <Badge tone="ok" symbol="▲">
            {t("online")}
          </Badge>
        ) : (
          <Badge tone="bad" symbol="▼">
            {t("offline")}
          </Badge>
        );
      },
    },
    {
      id: "store",
      header: t("col.store"),
      // The store's own list, where admins also switch standalone for the whole store.
      cell: ({ row }) =>
        row.original.storeId ? (
          <Link
            href={`/terminals?storeId=${encodeURIComponent(row.original.storeId)}`}
            prefetch={false}
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            {row.original.storeName ?? row.original.storeId}
          </Link>
        ) : (
          t("inventory")
        ),
    },
    {
      id: "model",
      header: t("col.model"),
      cell: ({ row }) => (
        <span className="flex flex-col">
          <span>{row.original.model}</span>
          <span className="text-xs text-slate-600">{row.original.printer ? t("printer") : t("noPrinter")}</span>
        </span>
      ),
    },
    {
      id: "activity",
      header: t("col.activity"),
      cell: ({ row }) =>
        row.original.lastActivityAt
          ? format.dateTime(new Date(row.original.lastActivityAt), { dateStyle: "short", timeStyle: "short" })
          : "—",
    },
  ];
  if (props.canSwitch) {
    columns.push({
      id: "actions",
      header: t("col.actions"),
      meta: { className: "min-w-48" },
      cell: ({ row }) =>
        row.original.assignmentStatus === "inventory" ? null : (
          <TerminalStandaloneSwitch
            action={setStandaloneAction}
            terminalId={row.original.terminalId}
            enabled={row.original.standalone.enabled !== true}
          />
        ),
    });
  }
  return (
    <DataTable
      caption={t("tableCaption")}
      hideCaption
      columns={columns}
      data={props.rows}
      getRowId={(r) => r.terminalId}
      sortLinks={props.sortLinks}
      emptyText={t("empty")}
      minWidthClass="min-w-[56rem]"
    />
  );
}
