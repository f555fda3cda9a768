// Minimal method + path router with ":param" segments and a trailing "*"; no framework on purpose (plain node:http).
import type { IncomingHttpHeaders } from "node:http";
import type { Reply } from "./reply";

export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

export type Handler<R> = (req: RequestContext, runtime: R) => Reply | Promise<Reply>;

interface Route<R> {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler<R>;
}

export type RouteMatch<R> =
  | { readonly kind: "found"; readonly handler: Handler<R>; readonly params: Record<string, string> }
  | { readonly kind: "method-not-allowed" }
  | { readonly kind: "not-found" };

export class Router<R> {
  private readonly routes: Route<R>[] = [];

  add(method: string, pattern: string, handler: Handler<R>): this {
    this.routes.push({ method, segments: splitPath(pattern), handler });
    return this;
  }

  /** Every route as method and pattern (":param" segments), in the order added. */
  list(): { method: string; pattern: string }[] {
    return this.routes.map((r) => ({ method: r.method, pattern: `/${r.segments.join("/")}` }));
  }

  match(method: string, path: string): RouteMatch<R> {
    const parts = splitPath(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { kind: "found", handler: route.handler, params };
    }
    return pathMatched ? { kind: "method-not-allowed" } : { kind: "not-found" };
  }
}

function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  // A final "*" matches any rest of the path (also none): a site's catch-all route.
  if (pattern.at(-1) === "*") {
    if (parts.length < pattern.length - 1) return null;
    return matchSegments(pattern.slice(0, -1), parts.slice(0, pattern.length - 1));
  }
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] ?? "";
    const got = parts[i] ?? "";
    if (want.startsWith(":")) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return null;
      }
    } else if (want !== got) {
      return null;
    }
  }
  return params;
}
