// Presentation hints a column carries for DataTable: cell classes and the URL sort key of a sortable header.
import type { RowData } from "@tanstack/react-table";

declare module "@tanstack/react-table" {
  // Declaration merging has to repeat TanStack's type parameters even though these fields do not use them.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for both the header and the cells of this column (alignment, width, wrapping). */
    className?: string;
  }
}

/** How a server-sorted column links to its other order: state lives in the URL, not in the table. */
export type SortLink = { href: string; direction: "asc" | "desc" | null };
