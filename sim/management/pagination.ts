// Management API list paging: 1-based pageNumber, pageSize up to 100, and _links to first/last/prev/next/self.
import { restError, type InvalidField } from "../errors";
import type { Reply } from "../http/reply";

export const MAX_PAGE_SIZE = 100;

export interface Paging {
  readonly pageNumber: number;
  readonly pageSize: number;
}

function parseIntParam(raw: string | null): number | null | undefined {
  if (raw === null) return undefined;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) : null;
}

export function parsePaging(
  query: URLSearchParams,
  defaultPageSize: number,
): { ok: true; paging: Paging } | { ok: false; reply: Reply } {
  const invalid: InvalidField[] = [];
  const pageNumber = parseIntParam(query.get("pageNumber"));
  const pageSize = parseIntParam(query.get("pageSize"));
  if (pageNumber === null || (pageNumber !== undefined && pageNumber < 1)) {
    invalid.push({
      name: "pageNumber",
      value: query.get("pageNumber") ?? "",
      message: "must be a whole number of at least 1",
    });
  }
  if (pageSize === null || (pageSize !== undefined && (pageSize < 1 || pageSize > MAX_PAGE_SIZE))) {
    invalid.push({
      name: "pageSize",
      value: query.get("pageSize") ?? "",
      message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    });
  }
  if (invalid.length > 0) {
    return {
      ok: false,
      reply: restError(422, "Invalid parameters", "The query parameters are not valid.", { invalidFields: invalid }),
    };
  }
  return { ok: true, paging: { pageNumber: pageNumber ?? 1, pageSize: pageSize ?? defaultPageSize } };
}

export interface Page<T> {
  readonly _links: Record<string, { href: string }>;
  readonly data: readonly T[];
  readonly itemsTotal: number;
  readonly pagesTotal: number;
}

/** `listUrl` is the list's absolute URL with its filters; paging parameters are replaced per link. */
export function paginate<T>(items: readonly T[], paging: Paging, listUrl: URL): Page<T> {
  const { pageNumber, pageSize } = paging;
  const pagesTotal = Math.ceil(items.length / pageSize);
  const href = (page: number) => {
    const url = new URL(listUrl);
    url.searchParams.set("pageNumber", String(page));
    url.searchParams.set("pageSize", String(pageSize));
    return { href: url.toString() };
  };
  const links: Record<string, { href: string }> = {
    first: href(1),
    last: href(Math.max(1, pagesTotal)),
    self: href(pageNumber),
  };
  if (pageNumber < pagesTotal) links["next"] = href(pageNumber + 1);
  if (pageNumber > 1) links["prev"] = href(Math.min(pageNumber - 1, Math.max(1, pagesTotal)));
  const start = (pageNumber - 1) * pageSize;
  return { _links: links, data: items.slice(start, start + pageSize), itemsTotal: items.length, pagesTotal };
}
