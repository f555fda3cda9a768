// The permission matrix's rows (every discovered page, route method and server action, with its guard from the
// registry) and how one call is made and judged: refused means 401, 403, a redirect to the sign-in page, the 403
// page (app/forbidden.tsx), or a server action result with code FORBIDDEN or UNAUTHENTICATED; anything else means
// the guard let the caller in.
import type { APIResponse } from "@playwright/test";
import {
  PAGE_GUARDS,
  ROUTE_GUARDS,
  SERVER_ACTION_GUARDS,
  type Guard,
  type HttpMethod,
} from "../lib/auth/route-permissions";
import { discoverPages, discoverRoutes, discoverServerActions } from "../lib/testing/route-discovery";
import type { Subject } from "./matrix-subjects";
import type { World } from "./matrix-world";
import { ACTION_SAMPLES, PAGE_SAMPLES, ROUTE_SAMPLES, type RouteSample } from "./permission-samples";
import { actionResultOf, encodeActionArgs, serverActionTarget } from "./server-actions";

export type MatrixEntry = {
  key: string;
  kind: "page" | "route" | "action";
  pattern: string;
  method: HttpMethod;
  file: string;
  name?: string;
  guard: Guard | undefined;
};

/** `unreached`: a server action call that never ran the action (unknown id, crash): it proves nothing either way. */
export type Outcome = { verdict: "allowed" | "denied" | "unreached"; why: string; body: string };

export function matrixEntries(): MatrixEntry[] {
  const pages = discoverPages().map((p): MatrixEntry => ({
    ...p,
    key: `page ${p.pattern}`,
    kind: "page",
    method: "GET",
    guard: PAGE_GUARDS[p.pattern],
  }));
  const routes = discoverRoutes().flatMap((r) => {
    const declared = ROUTE_GUARDS[r.pattern] ?? {};
    const methods = r.methods === "declared" ? (Object.keys(declared) as HttpMethod[]) : r.methods;
    // A Pages Router route with no declared method still gets a row, so that it fails.
    return (methods.length ? methods : (["POST"] as HttpMethod[])).map((method): MatrixEntry => ({
      key: `${method} ${r.pattern}`,
      kind: "route",
      pattern: r.pattern,
      method,
      file: r.file,
      guard: declared[method],
    }));
  });
  const actions = discoverServerActions().map((a): MatrixEntry => ({
    key: `action ${a.key}`,
    kind: "action",
    pattern: a.key,
    method: "POST",
    file: a.file,
    name: a.name,
    guard: SERVER_ACTION_GUARDS[a.key],
  }));
  return [...pages, ...routes, ...actions];
}

function fillPath(pattern: string, storeA: string): string {
  return pattern.replace(/\[storeId\]/g, storeA).replace(/\[\[?(\.\.\.)?[^\]]+\]\]?/g, "matrix-sample");
}

function judge(res: APIResponse, body: string, action?: { result?: { ok: boolean; code?: string } }): Outcome {
  const result = action?.result;
  const status = res.status();
  const location = res.headers()["location"] ?? "";
  const why = `HTTP ${status}${location ? ` → ${location}` : ""}${result ? ` ${JSON.stringify(result)}` : ""}`;
  const toLogin = status >= 300 && status < 400 && new URL(location, "http://x").pathname === "/login";
  const refusedResult = result?.ok === false && (result.code === "FORBIDDEN" || result.code === "UNAUTHENTICATED");
  // Pages under a loading boundary are guarded by their layout too, so a refusal is a real 403, never a 200 whose
  // streamed body turns into the 403 page.
  const denied = status === 401 || status === 403 || toLogin || refusedResult;
  // An action that answers without a result must at least have answered 2xx (an action returning nothing).
  const unreached = !denied && action !== undefined && !result && (status < 200 || status >= 300);
  const verdict = denied ? "denied" : unreached ? "unreached" : "allowed";
  return { verdict, why: `${why}: ${body.slice(0, 300)}`, body };
}

async function send(world: World, entry: MatrixEntry, subject: Subject, sample: RouteSample): Promise<Outcome> {
  const ctx = world.contextFor(subject);
  const res = await ctx.fetch(sample.path ?? fillPath(entry.pattern, world.samples.storeA), {
    method: entry.method,
    headers: sample.headers,
    data: sample.data,
    maxRedirects: 0,
  });
  return judge(res, await res.text());
}

async function invokeAction(world: World, entry: MatrixEntry, subject: Subject): Promise<Outcome> {
  const target = serverActionTarget(entry.file, entry.name ?? "");
  if (!target) {
    throw new Error(
      `${entry.key} is not in the production build's server-reference manifest: no page uses it. Remove it, or use it.`,
    );
  }
  const args = encodeActionArgs(ACTION_SAMPLES[entry.pattern]?.(world.samples) ?? []);
  const headers = { "next-action": target.id, accept: "text/x-component" };
  const res = await world.contextFor(subject).post(target.page, {
    headers: "text" in args ? { ...headers, "content-type": "text/plain;charset=UTF-8" } : headers,
    ...("text" in args ? { data: args.text } : { multipart: args.form }),
    maxRedirects: 0,
  });
  const body = await res.text();
  return judge(res, body, { result: actionResultOf(body) });
}

export function callEntry(world: World, entry: MatrixEntry, subject: Subject): Promise<Outcome> {
  if (entry.kind === "action") return invokeAction(world, entry, subject);
  const samples = entry.kind === "page" ? PAGE_SAMPLES : ROUTE_SAMPLES;
  const sampleKey = entry.kind === "page" ? entry.pattern : entry.key;
  return send(world, entry, subject, samples[sampleKey]?.(world.samples) ?? {});
}

/** Whether the entry needs a sample request that is missing: its store is named in the query or the body. */
export function missingSample(entry: MatrixEntry): boolean {
  if (!entry.guard || "public" in entry.guard || !entry.guard.store || entry.guard.store === "path") return false;
  if (entry.kind === "action") return !(entry.pattern in ACTION_SAMPLES);
  return !(
    (entry.kind === "page" ? entry.pattern : entry.key) in (entry.kind === "page" ? PAGE_SAMPLES : ROUTE_SAMPLES)
  );
}
