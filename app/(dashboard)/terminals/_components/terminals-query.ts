// The terminal list's state lives in the URL: filters, sort and page, read here and written back by links.
import { parseTerminalFilter, type TerminalFilter } from "@/lib/runbook";
import type { SortLink } from "@/components/data-table/column-meta";

export const TERMINALS_PATH = "/terminals";
export const PAGE_SIZE = 50;

export type TerminalsQuery = { filter: TerminalFilter; params: URLSearchParams };

export function readTerminalsQuery(sp: Record<string, string | string[] | undefined>): TerminalsQuery {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string" && v !== "") params.set(k, v);
  let filter: TerminalFilter;
  try {
    filter = parseTerminalFilter(params);
  } catch {
    // A hand-edited URL with a bad value shows the unfiltered list rather than an error page.
    filter = parseTerminalFilter({});
  }
  return { filter: { ...filter, limit: PAGE_SIZE }, params };
}

export function terminalsHref(params: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === "") next.delete(k);
    else next.set(k, v);
  }
  const s = next.toString();
  return s ? `${TERMINALS_PATH}?${s}` : TERMINALS_PATH;
}

export function sortLink(q: TerminalsQuery, column: TerminalFilter["sort"]): SortLink {
  const active = q.filter.sort === column;
  const dir = active && q.filter.dir === "asc" ? "desc" : "asc";
  return {
    href: terminalsHref(q.params, { sort: column, dir, cursor: null }),
    direction: active ? q.filter.dir : null,
  };
}
