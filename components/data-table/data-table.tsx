// A server-rendered table over TanStack's column model. Sorting, filtering and paging happen on the server (state
// in the URL), so no client-side table state is needed: the table instance is built once per render, without
// the React hook, and only row selection (./row-selection) runs in the browser.
import { createTable, flexRender, getCoreRowModel, type ColumnDef, type RowData } from "@tanstack/react-table";
import { ariaSort, SortHeader } from "./sort-header";
import type { SortLink } from "./column-meta";

export type DataTableProps<T extends RowData> = {
  caption: string;
  /** Visually hide the caption when a heading above already names the table. */
  hideCaption?: boolean;
  columns: ColumnDef<T, unknown>[];
  data: T[];
  getRowId: (row: T) => string;
  /** Column id → link that sorts by it; columns not listed are not sortable. */
  sortLinks?: Partial<Record<string, SortLink>>;
  emptyText: string;
  /** Minimum width before the surrounding box scrolls horizontally (phones). */
  minWidthClass?: string;
};

export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const table = createTable<T>({
    data: props.data,
    columns: props.columns,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  });
  // What useReactTable does on its first render: give every feature its initial state.
  table.setOptions((prev) => ({ ...prev, state: table.initialState }));
  const rows = table.getRowModel().rows;
  // The box scrolls sideways on phones; named and focusable, so keyboard users can scroll it too (a group, not a
  // second landmark beside the card of the same name).
  return (
    <div
      role="group"
      aria-label={props.caption}
      tabIndex={0}
      className="relative -mx-4 overflow-x-auto px-4 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className={`w-full border-collapse text-left text-sm ${props.minWidthClass ?? "min-w-[48rem]"}`}>
        <caption className={props.hideCaption ? "sr-only" : "mb-2 text-left font-semibold"}>{props.caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 text-slate-600">
              {group.headers.map((header) => {
                const link = props.sortLinks?.[header.column.id];
                const label = header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={ariaSort(link)}
                    className={`py-1 pr-3 align-middle font-medium ${header.column.columnDef.meta?.className ?? ""}`}
                  >
                    {link ? (
                      <SortHeader label={label} link={link} />
                    ) : (
                      <span className="inline-flex min-h-11 items-center">{label}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`py-2 pr-3 align-middle ${cell.column.columnDef.meta?.className ?? ""}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getVisibleLeafColumns().length} className="py-6 text-center text-slate-500">
                {props.emptyText}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
