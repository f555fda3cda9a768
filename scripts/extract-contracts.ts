// Extracts from Adyen's official OpenAPI specs (github.com/Adyen/adyen-openapi, folder json/) the operations the
// simulator serves and the schemas they use, as data: names, types, formats, enums, required lists, patterns and
// limits, with every $ref still resolvable — and without the specs' prose (descriptions, summaries, examples, x-*
// documentation). The output, sim/contracts/<spec>.json, is what the contract tests validate against.
// Usage (by hand, when the simulator serves a new operation or Adyen releases a spec):
//   npx tsx scripts/extract-contracts.ts <folder with CheckoutService-v72.json, ManagementService-v3.json, …>
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CONTRACT_OPERATIONS, type Operation } from "../sim/contracts/operations.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const PROSE = new Set(["description", "summary", "example", "examples", "externalDocs", "title", "$comment", "tags"]);
// Keys whose value is a map of names (field names, status codes, media types…), not of keywords.
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas", "mapping", "content"]);
NAME_MAPS.add("responses").add("headers").add("encoding");
// Keys whose value is data: copied as it is.
const DATA = new Set(["enum", "const", "default", "required"]);

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** The node without prose; names inside name maps are kept whatever they are called ("description" fields too). */
export function stripProse(node: Json, isNameMap = false): Json {
  if (Array.isArray(node)) return node.map((n) => stripProse(n));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (isNameMap) out[key] = stripProse(value);
    else if (PROSE.has(key) || key.startsWith("x-")) continue;
    else if (DATA.has(key)) out[key] = value;
    else out[key] = stripProse(value, NAME_MAPS.has(key));
  }
  return out;
}

function refsIn(node: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, found));
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.add(value);
      else refsIn(value, found);
    }
  }
  return found;
}

function pick(spec: JsonObject, pointer: string): Json {
  let node: Json | undefined = spec;
  for (const part of pointer.replace(/^#\//, "").split("/")) {
    node = isObject(node) ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  if (node === undefined) throw new Error(`unresolvable $ref ${pointer}`);
  return node;
}

/** The extracted spec: the chosen operations, the named extra schemas, and every component they reach. */
export function extract(spec: JsonObject, ops: Operation[], extraSchemas: string[] = []): JsonObject {
  const out: JsonObject = { openapi: spec["openapi"] ?? "3.1.0", info: {}, components: {} };
  const info = isObject(spec["info"]) ? spec["info"] : {};
  out["info"] = { title: info["title"] ?? "", version: info["version"] ?? "" };
  for (const { kind, path: p, method } of ops) {
    const section = kind === "webhook" ? "webhooks" : "paths";
    const item = pick(spec, `#/${section}/${p.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    if (!isObject(item) || !isObject(item[method])) throw new Error(`${method.toUpperCase()} ${p} is not in the spec`);
    const target = ((out[section] as JsonObject | undefined) ?? (out[section] = {})) as JsonObject;
    const kept = (target[p] as JsonObject | undefined) ?? {};
    if (item["parameters"]) kept["parameters"] = stripProse(item["parameters"]);
    kept[method] = stripProse(item[method]);
    target[p] = kept;
  }
  const pending = [...refsIn(out), ...extraSchemas.map((s) => `#/components/schemas/${s}`)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.pop()!;
    if (done.has(ref) || !ref.startsWith("#/components/")) continue;
    done.add(ref);
    const [, , kind, name] = ref.split("/");
    const stripped = stripProse(pick(spec, ref));
    const components = out["components"] as JsonObject;
    ((components[kind!] as JsonObject | undefined) ?? (components[kind!] = {}))[name!] = stripped;
    pending.push(...refsIn(stripped));
  }
  for (const kind of Object.values(out["components"] as JsonObject)) sortKeys(kind as JsonObject);
  return out;
}

function sortKeys(o: JsonObject): void {
  const entries = Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  for (const [k] of entries) delete o[k];
  for (const [k, v] of entries) o[k] = v;
}

async function main(specDir: string | undefined): Promise<void> {
  if (!specDir) throw new Error("usage: npx tsx scripts/extract-contracts.ts <folder with Adyen's OpenAPI JSON specs>");
  const outDir = path.resolve(import.meta.dirname, "..", "sim", "contracts");
  for (const [name, { operations, schemas }] of Object.entries(CONTRACT_OPERATIONS)) {
    const spec = JSON.parse(await readFile(path.join(specDir, `${name}.json`), "utf8")) as JsonObject;
    const extracted = extract(spec, operations, schemas);
    const file = path.join(outDir, `${name}.json`);
    await writeFile(file, JSON.stringify(extracted, null, 2) + "\n");
    const count = Object.keys((extracted["components"] as JsonObject)["schemas"] ?? {}).length;
    process.stdout.write(`${path.relative(process.cwd(), file)}: ${operations.length} operations, ${count} schemas\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
