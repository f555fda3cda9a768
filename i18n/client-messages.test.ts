// The browser gets only the translations listed in ./client-messages: a client component whose namespace is not
// sent for every route that renders it would show message keys instead of text. Checked from the source: each
// client component's `useTranslations(…)` namespaces against the segments whose pages import it (directly or
// through other components), and each listed segment's layout.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  pickMessages,
  SEGMENT_NAMESPACES,
  segmentNamespaces,
  SHELL_NAMESPACES,
  type ClientSegment,
} from "./client-messages";

const ROOT = path.resolve(import.meta.dirname, "..");
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const f = path.join(dir, name);
    if (statSync(f).isDirectory()) return sources(f);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [f] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ext of ["", ".tsx", ".ts", "/index.tsx", "/index.ts"]) {
    const f = base + ext;
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}

const files = [...sources(path.join(ROOT, "app")), ...sources(path.join(ROOT, "components"))];
const text = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
/** file → the files that import it */
const importers = new Map<string, Set<string>>();
for (const [f, src] of text) {
  for (const m of src.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    const target = resolveImport(f, m[1] as string);
    if (target) importers.set(target, (importers.get(target) ?? new Set()).add(f));
  }
}

/** The segment whose provider is nearest above an app file: the deepest listed folder path; null for the shell. */
function segmentOf(appFile: string): ClientSegment | null {
  const parts = rel(appFile)
    .split("/")
    .slice(1, -1)
    .filter((p) => !/^\(.*\)$/.test(p));
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join("/");
    if (key in SEGMENT_NAMESPACES) return key as ClientSegment;
  }
  return null;
}

/** Segments of every app file that renders `file`, through any chain of imports. */
function segmentsRendering(file: string): Set<ClientSegment | null> {
  const out = new Set<ClientSegment | null>();
  const seen = new Set([file]);
  const queue = [file];
  while (queue.length) {
    const f = queue.pop() as string;
    if (rel(f).startsWith("app/")) out.add(segmentOf(f));
    for (const i of importers.get(f) ?? []) {
      if (seen.has(i)) continue;
      seen.add(i);
      queue.push(i);
    }
  }
  return out;
}

const covers = (paths: readonly string[], ns: string) => paths.some((p) => ns === p || ns.startsWith(`${p}.`));

describe("client translations", () => {
  const clients = [...text].filter(([, src]) => /^\s*["']use client["']/.test(src));

  it("finds the client components that translate", () => {
    expect(clients.filter(([, src]) => src.includes("useTranslations(")).length).toBeGreaterThan(20);
  });

  it("sends every client component's namespaces on every route that renders it", () => {
    const missing: string[] = [];
    for (const [file, src] of clients) {
      const namespaces = [...src.matchAll(/useTranslations\(\s*(?:["']([^"']*)["'])?\s*\)/g)].map((m) => m[1] ?? "");
      if (namespaces.length === 0) continue;
      const segments = segmentsRendering(file);
      expect(segments.size, `${rel(file)} is rendered by no route`).toBeGreaterThan(0);
      for (const segment of segments)
        for (const ns of namespaces)
          if (!ns || !covers(segmentNamespaces(segment), ns))
            missing.push(`${rel(file)}: "${ns}" in ${segment ?? "shell"}`);
    }
    expect(missing).toEqual([]);
  });

  it("gives every listed segment a layout that sends its list", () => {
    const layouts = files.filter((f) => f.endsWith("/layout.tsx"));
    for (const segment of Object.keys(SEGMENT_NAMESPACES)) {
      const layout = layouts.find((f) => segmentOf(f) === segment && rel(path.dirname(f)).endsWith(segment));
      expect(layout, `no layout for ${segment}`).toBeDefined();
      expect(text.get(layout as string)).toContain(`segmentLayout("${segment}"`);
    }
  });

  it("lists only messages that exist, in every locale", () => {
    for (const locale of ["en", "de"]) {
      const messages = JSON.parse(readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8"));
      for (const p of [...SHELL_NAMESPACES, ...Object.values(SEGMENT_NAMESPACES).flat()]) {
        const picked = pickMessages(messages, [p]);
        expect(Object.keys(picked), `${locale}: ${p}`).toHaveLength(1);
      }
    }
  });

  it("picks namespaces and single messages, nested as in the full set", () => {
    const all = { a: { b: { c: "1", d: "2" }, e: "3" }, f: { g: "4" } };
    expect(pickMessages(all, ["a.b.c", "f"])).toEqual({ a: { b: { c: "1" } }, f: { g: "4" } });
    expect(pickMessages(all, ["a.b", "a.e"])).toEqual({ a: { b: { c: "1", d: "2" }, e: "3" } });
    expect(pickMessages(all, ["x.y"])).toEqual({});
  });
});
