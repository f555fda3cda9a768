// The page's URL state: which analysis, which readiness dimension, the findings filter (the API's schema) and
// the open chain. Links are built from the params as given, so they round-trip unchanged.
import { DIMENSIONS, findingsFilterSchema, type Dimension, type FindingsFilter } from "@/lib/idempotency";
import { IDEM_PATH } from "./styles";

export { analysisHref, IDEM_PATH } from "./styles";

type SearchParams = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ["code", "endpoint", "account", "region", "client", "cursor"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type IdemQuery = {
  analysisId: string | null;
  dim: Dimension;
  filter: Omit<FindingsFilter, "analysisId">;
  chain: number | null;
  params: URLSearchParams;
  /** Filter params that failed validation and were dropped. */
  ignored: string[];
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

export function readIdemQuery(sp: SearchParams): IdemQuery {
  const params = new URLSearchParams();
  const analysisId = UUID.test(first(sp.analysis)) ? first(sp.analysis) : null;
  if (analysisId) params.set("analysis", analysisId);
  const dimRaw = first(sp.dim);
  const dim = (DIMENSIONS as readonly string[]).includes(dimRaw) ? (dimRaw as Dimension) : "endpoint";
  if (dimRaw && dim === dimRaw) params.set("dim", dim);
  const record: Record<string, string> = {};
  const ignored: string[] = [];
  for (const key of FILTER_KEYS) {
    const value = first(sp[key]);
    if (!value) continue;
    if (findingsFilterSchema.shape[key].safeParse(value).success) record[key] = value;
    else ignored.push(key);
  }
  for (const [k, v] of Object.entries(record)) params.set(k, v);
  const filter = findingsFilterSchema.omit({ analysisId: true }).parse(record);
  const chainRaw = first(sp.chain);
  const chain = /^\d{1,9}$/.test(chainRaw) && Number(chainRaw) > 0 ? Number(chainRaw) : null;
  if (chain) params.set("chain", String(chain));
  return { analysisId, dim, filter, chain, params, ignored };
}

/** The page URL with some params changed (null removes one); `hash` jumps to a section. */
export function idemHref(params: URLSearchParams, changes: Record<string, string | null>, hash = ""): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const qs = next.toString();
  return `${IDEM_PATH}${qs ? `?${qs}` : ""}${hash}`;
}
