// Calling a server action over HTTP the way Next's client does: POST to a page that uses it, with the action id
// from the production build's server-reference manifest in the `Next-Action` header and the arguments encoded as
// React's encodeReply does (JSON text, or multipart with `_<n>_<field>` entries for a FormData argument).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ActionArg } from "./permission-samples";

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

const MANIFEST = path.resolve(import.meta.dirname, "..", ".next", "server", "server-reference-manifest.json");

/** The action's id and a page path that serves it, or undefined when no page of the build uses the action. */
export function serverActionTarget(file: string, name: string): { id: string; page: string } | undefined {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename !== file || entry.exportedName !== name) continue;
    const pages = Object.keys(entry.workers)
      .filter((w) => w.endsWith("/page"))
      .map((w) =>
        w
          .replace(/^app/, "")
          .replace(/\/page$/, "")
          .split("/")
          .filter((s) => s && !/^\(.*\)$/.test(s))
          .map((s) => (s.startsWith("[") ? "matrix-sample" : s))
          .join("/"),
      )
      .map((p) => `/${p}`)
      .sort((a, b) => a.length - b.length);
    if (pages[0]) return { id, page: pages[0] };
  }
  return undefined;
}

/** JSON text when every argument is plain data; multipart form data when one is a form. */
export function encodeActionArgs(args: readonly ActionArg[]): { text: string } | { form: FormData } {
  let form: FormData | undefined;
  let nextPart = 1;
  const encode = (v: ActionArg): unknown => {
    if (Array.isArray(v)) return v.map(encode);
    if (v !== null && typeof v === "object") {
      form ??= new FormData();
      const part = nextPart++;
      for (const [k, value] of Object.entries(v.form)) form.append(`_${part}_${k}`, value);
      return `$K${part.toString(16)}`;
    }
    // React escapes strings that start with "$" (its reference marker).
    return typeof v === "string" && v.startsWith("$") ? `$${v}` : v;
  };
  const json = JSON.stringify(args.map(encode));
  if (!form) return { text: json };
  form.set("0", json);
  return { form };
}

/** The runAction result ({ ok, code? }) in a React Server Components response, when there is one. */
export function actionResultOf(body: string): { ok: boolean; code?: string } | undefined {
  for (const line of body.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m?.[1]) continue;
    try {
      const value = JSON.parse(m[1]) as { ok?: unknown; code?: unknown };
      if (typeof value.ok === "boolean") {
        return { ok: value.ok, code: typeof value.code === "string" ? value.code : undefined };
      }
    } catch {
      // Not JSON: another kind of row.
    }
  }
  return undefined;
}
