// Finds every entry point of the app in the source tree, the way Next does: pages, route handlers with their
// exported methods, Pages Router API routes and exported server actions. The permission matrix compares them with
// the registry (lib/auth/route-permissions.ts), so nothing reachable is left without a declared guard.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HTTP_METHODS, type HttpMethod } from "@/lib/auth/route-permissions";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");

export type DiscoveredPage = { pattern: string; file: string };
/** `methods: "declared"` for Pages Router API routes: one handler for every method, the registry says which. */
export type DiscoveredRoute = { pattern: string; file: string; methods: HttpMethod[] | "declared" };
export type DiscoveredAction = { key: string; file: string; name: string };

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" ? [] : walk(rel);
    return /\.(ts|tsx|js|jsx)$/.test(e.name) ? [rel] : [];
  });
}

function source(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), "utf8");
}

/** The URL pattern of an app/ folder: route groups `(x)` and slots `@x` leave no trace in the URL. */
function appPattern(file: string): string | null {
  const segments = path.posix.dirname(file).split("/").slice(1);
  // Private folders (`_components`) are never routes.
  if (segments.some((s) => s.startsWith("_"))) return null;
  const kept = segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return "/" + kept.join("/");
}

export function discoverPages(): DiscoveredPage[] {
  return walk("app")
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .flatMap((file) => {
      const pattern = appPattern(file);
      return pattern === null ? [] : [{ pattern, file }];
    });
}

const METHOD = `(${HTTP_METHODS.join("|")})`;

/** The HTTP methods a route module exports: functions, constants, or `export { handler as GET }`. */
export function exportedMethods(text: string): HttpMethod[] {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s+${METHOD}\\b`, "g"))) found.add(m[1]!);
  for (const m of text.matchAll(new RegExp(`export\\s+(?:const|let|var)\\s+${METHOD}\\b`, "g"))) found.add(m[1]!);
  for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1)
        ?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) found.add(name);
    }
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

export function discoverRoutes(): DiscoveredRoute[] {
  const app = walk("app")
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .flatMap((file) => {
      const pattern = appPattern(file);
      return pattern === null ? [] : [{ pattern, file, methods: exportedMethods(source(file)) }];
    });
  const pagesApi = walk("pages/api").map((file) => {
    const rel = file.replace(/^pages/, "").replace(/\.(ts|tsx|js|jsx)$/, "");
    return { pattern: rel.replace(/\/index$/, "") || "/", file, methods: "declared" as const };
  });
  return [...app, ...pagesApi];
}

/** Comments and blank lines may precede a module's directive. */
function hasUseServerDirective(text: string): boolean {
  const body = text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(body);
}

/** Names a module exports as values (types are not server actions). */
export function exportedValueNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*(\w+)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/export\s+(?:const|let|var)\s+(\w+)/g)) names.add(m[1]!);
  if (/export\s+default\b/.test(text)) names.add("default");
  for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      if (/^\s*type\s/.test(part)) continue;
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1)
        ?.trim();
      if (name) names.add(name);
    }
  }
  return [...names];
}

export function discoverServerActions(): DiscoveredAction[] {
  return walk("app")
    .filter((file) => hasUseServerDirective(source(file)))
    .flatMap((file) => exportedValueNames(source(file)).map((name) => ({ key: `${file}#${name}`, file, name })));
}

/**
 * Files with a "use server" that is not the module's directive: server actions defined inline in a component or
 * elsewhere outside app/. They cannot be listed by export, so the matrix refuses them; put them in an actions file.
 */
export function findInlineServerActions(): string[] {
  return ["app", "components", "lib"].flatMap(walk).filter((file) => {
    const text = source(file);
    const inApp = file.startsWith("app/");
    return /^\s*["']use server["'];?\s*$/m.test(text) && !(inApp && hasUseServerDirective(text));
  });
}
