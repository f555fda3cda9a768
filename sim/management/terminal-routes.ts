// GET /v3/terminals with Adyen's filters and paging.
import { brandModelOf, type CatalogTerminal } from "../catalog";
import { indexOf } from "../catalog-index";
import { jsonReply, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import type { SimRuntime } from "../runtime";
import { paginate, parsePaging } from "./pagination";
import { terminalView } from "./terminal-view";

const DEFAULT_PAGE_SIZE = 20;

function listParam(query: URLSearchParams, name: string): string[] | null {
  const raw = query.get(name);
  if (raw === null || raw.trim() === "") return null;
  return raw
    .split(",")
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v.length > 0);
}

function matchesFilters(rt: SimRuntime, terminal: CatalogTerminal, query: URLSearchParams): boolean {
  const search = query.get("searchQuery");
  // Per the spec, searchQuery makes every other filter irrelevant.
  if (search !== null && search !== "") return terminal.id.toLowerCase().includes(search.toLowerCase());
  const store = terminal.storeId === null ? undefined : indexOf(rt.config.catalog).storeById.get(terminal.storeId);
  const merchantId = terminal.status === "inventory" ? undefined : rt.config.merchantAccount;
  const checks: [string, string | undefined][] = [
    ["countries", store?.country],
    ["merchantIds", merchantId],
    ["storeIds", terminal.storeId ?? undefined],
    ["brandModels", brandModelOf(terminal.model)],
  ];
  return checks.every(([name, actual]) => {
    const wanted = listParam(query, name);
    return wanted === null || (actual !== undefined && wanted.includes(actual.toLowerCase()));
  });
}

export function listTerminals(req: RequestContext, rt: SimRuntime): Reply {
  const paging = parsePaging(req.query, DEFAULT_PAGE_SIZE);
  if (!paging.ok) return paging.reply;
  const matching = rt.config.catalog.terminals.filter((t) => matchesFilters(rt, t, req.query));
  const page = paginate(matching, paging.paging, new URL(`${rt.urls.base}${req.path}?${req.query.toString()}`));
  return jsonReply(200, { ...page, data: page.data.map((t) => terminalView(rt, t)) });
}
