// The page's URL state: the filter schema's params (what the export and API take too) plus the open item.
// Links are built from the params as the user typed them, so dates and amounts round-trip unchanged.
import type { AmountLocale } from "@/lib/money";
import { reconFilterSchemaFor, thousandthsText, type ReconFilter } from "@/lib/reconciliation/filters";

type SearchParams = Record<string, string | string[] | undefined>;

export const RECON_PATH = "/reconciliation";
const FILTER_KEYS = [
  "status",
  "store",
  "method",
  "from",
  "to",
  "amountMin",
  "amountMax",
  "minAmount",
  "maxAmount",
  "q",
  "sort",
  "dir",
  "cursor",
  "limit",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type ReconQuery = {
  filter: ReconFilter;
  /** The valid, non-empty params, with the open item if any. */
  params: URLSearchParams;
  /** Params that failed validation and were dropped, so one typo does not blank the page. */
  ignored: FilterKey[];
  /** Why each dropped param was refused, for the field that shows it: a code with values, and English text. */
  problems: Partial<Record<FilterKey, { code?: string; values?: Record<string, string | number>; message: string }>>;
  /** The dropped params as they were typed, so the form shows them again. */
  typed: Partial<Record<FilterKey, string>>;
  item: { id: string | null; ref: string | null } | null;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v)?.trim() ?? "";

export function readReconQuery(sp: SearchParams, locale: AmountLocale = "en"): ReconQuery {
  const schema = reconFilterSchemaFor(locale);
  const record: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = first(sp[key]);
    if (value) record[key] = value;
  }
  const ignored: FilterKey[] = [];
  const problems: ReconQuery["problems"] = {};
  const typed: ReconQuery["typed"] = {};
  let parsed = schema.safeParse(record);
  while (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[0];
    if (typeof key !== "string" || !(key in record)) break;
    const filterKey = key as FilterKey;
    ignored.push(filterKey);
    const params =
      issue && "params" in issue ? (issue.params as { code?: string; values?: Record<string, string | number> }) : {};
    problems[filterKey] = { ...params, message: issue?.message ?? "" };
    typed[filterKey] = record[filterKey];
    delete record[filterKey];
    parsed = schema.safeParse(record);
  }
  const filter = parsed.success ? parsed.data : schema.parse({});
  const params = new URLSearchParams(parsed.success ? (record as Record<string, string>) : {});
  const id = first(sp.item);
  const ref = first(sp.ref).slice(0, 200);
  const item = /^\d{1,18}$/.test(id) || ref ? { id: /^\d{1,18}$/.test(id) ? id : null, ref: ref || null } : null;
  if (item?.id) params.set("item", item.id);
  if (item?.ref) params.set("ref", item.ref);
  return { filter, params, ignored, problems, typed, item };
}

/** The page URL with some params changed (null removes one); `hash` jumps to an element. */
export function reconHref(params: URLSearchParams, changes: Record<string, string | null>, hash = ""): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const qs = next.toString();
  return `${RECON_PATH}${qs ? `?${qs}` : ""}${hash}`;
}

/** Changing what is listed starts again at the first page: a cursor only means something for one query. */
export const listChange = (changes: Record<string, string | null>) => ({ ...changes, cursor: null });

/** The export of what the page lists; typed amounts go as text the export reads the same whatever the locale. */
export function exportHref(q: Pick<ReconQuery, "params" | "filter">): string {
  const next = new URLSearchParams(q.params);
  for (const key of ["cursor", "limit", "item", "ref"]) next.delete(key);
  for (const key of ["amountMin", "amountMax"] as const) {
    const value = q.filter[key];
    if (value !== undefined) next.set(key, thousandthsText(value));
  }
  const qs = next.toString();
  return `/api/reconciliation/export${qs ? `?${qs}` : ""}`;
}

// Text and status read naturally A→Z; times, amounts and confidence are most useful largest/latest first.
const FIRST_DIR: Record<ReconFilter["sort"], "asc" | "desc"> = {
  reference: "asc",
  status: "asc",
  occurred_at: "desc",
  amount: "desc",
  confidence: "desc",
};

export function sortLink(q: ReconQuery, sort: ReconFilter["sort"]) {
  const direction = q.filter.sort === sort ? q.filter.dir : null;
  const dir = direction ? (direction === "asc" ? "desc" : "asc") : FIRST_DIR[sort];
  return { href: reconHref(q.params, listChange({ sort, dir })), direction };
}
