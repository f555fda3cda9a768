// The terminal list's filters and sort, shared by the page (URL search params), GET /api/v1/terminals and the CSV
// export: one schema, so the three never disagree.
import { z } from "zod";
import { SETTING_LEVELS } from "@/lib/runbook/terminals/levels";

export const TERMINAL_SORTS = ["terminal", "store", "model", "standalone", "activity", "connected"] as const;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const flag = z.preprocess(
  (v) =>
    v === "true" || v === "1" || v === "yes" ? true : v === "false" || v === "0" || v === "no" ? false : blank(v),
  z.boolean({ message: "must be true or false" }).optional(),
);

export const terminalFilterSchema = z.object({
  storeId: z.preprocess(blank, z.string().trim().max(64).optional()),
  readyForStandalone: flag,
  standalone: z.preprocess(blank, z.enum(["on", "off", "unknown"]).optional()),
  level: z.preprocess(blank, z.enum(SETTING_LEVELS).optional()),
  printer: flag,
  connected: z.preprocess(blank, z.enum(["online", "offline", "unknown"]).optional()),
  q: z.preprocess(blank, z.string().trim().max(64).optional()),
  sort: z.preprocess(blank, z.enum(TERMINAL_SORTS).default("store")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default("asc")),
  cursor: z.preprocess(blank, z.string().max(300).optional()),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(1000).optional()),
});
export type TerminalFilter = z.output<typeof terminalFilterSchema>;

/** Parses URLSearchParams or a page's searchParams record; `ready` is accepted as a short name. */
export function parseTerminalFilter(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): TerminalFilter {
  const record: Record<string, string | undefined> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) record[k] = Array.isArray(v) ? v[0] : v;
  record["readyForStandalone"] ??= record["ready"];
  return terminalFilterSchema.parse(record);
}
