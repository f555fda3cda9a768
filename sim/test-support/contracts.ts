// Test helper: Adyen's OpenAPI 3.1 schemas kept in sim/contracts (extracted from the official specs by
// scripts/extract-contracts.ts), compiled with ajv for response checks; and Adyen's payload fixtures.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { SpecName } from "../contracts/operations";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const CONTRACTS_DIR = path.join(REPO_ROOT, "sim", "contracts");
export const FIXTURES_DIR = path.join(REPO_ROOT, "test-fixtures", "adyen");

export type { SpecName };

function requireFile(file: string, what: string, remedy: string): string {
  if (!existsSync(file)) throw new Error(`${what} not found at ${file}: ${remedy}`);
  return file;
}

export function readSpec(name: SpecName): Record<string, unknown> {
  const remedy = "add its operations to sim/contracts/operations.ts and run scripts/extract-contracts.ts";
  const file = requireFile(path.join(CONTRACTS_DIR, `${name}.json`), `Adyen contract ${name}.json`, remedy);
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

export function readFixture(relativePath: string): unknown {
  const remedy = "copy it from Adyen's repositories and name its source in test-fixtures/adyen/README.md";
  const file = requireFile(path.join(FIXTURES_DIR, relativePath), `Adyen fixture ${relativePath}`, remedy);
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

const INT32 = 2 ** 31;
let ajv: Ajv2020 | undefined;
const loaded = new Set<SpecName>();

/**
 * Some 3.1 specs still carry OpenAPI 3.0's `nullable: true`, which ajv refuses next to `$ref`; rewrite it into its
 * JSON Schema meaning (the value may also be null) so the rest of the schema is checked unchanged.
 */
function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (node === null || typeof node !== "object") return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, rewriteNullable(v)]));
  if (nullable !== true) return out;
  if (typeof out["type"] === "string") return { ...out, type: [out["type"], "null"] };
  if (typeof out["$ref"] === "string") {
    const { $ref, ...siblings } = out;
    return { ...siblings, anyOf: [{ $ref }, { type: "null" }] };
  }
  return out;
}

function specId(name: SpecName): string {
  return `https://simulator.invalid/contracts/${name}.json`;
}

function getAjv(name: SpecName): Ajv2020 {
  // strict:false because OpenAPI adds keywords JSON Schema does not know (x-*, example, nullable, discriminator).
  ajv ??= addFormats(new Ajv2020({ strict: false, allErrors: true, validateSchema: false }))
    .addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 })
    .addFormat("int64", { type: "number", validate: (n: number) => Number.isSafeInteger(n) });
  if (!loaded.has(name)) {
    ajv.addSchema({ ...(rewriteNullable(readSpec(name)) as Record<string, unknown>), $id: specId(name) });
    loaded.add(name);
  }
  return ajv;
}

/** Validation errors of `data` against `#/components/schemas/{schema}` of the named spec (empty = valid). */
export function contractErrors(spec: SpecName, schema: string, data: unknown): string[] {
  const validate = getAjv(spec).getSchema(`${specId(spec)}#/components/schemas/${schema}`);
  if (!validate) throw new Error(`schema ${schema} not found in ${spec}`);
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || "/"} ${e.message ?? "invalid"} ${JSON.stringify(e.params)}`,
  );
}
