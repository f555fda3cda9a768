// The committed contracts stay complete and clean: every Adyen route the simulator serves has its operation here,
// no prose came along, and every $ref resolves inside its file.
import { describe, expect, it } from "vitest";
import { stripProse } from "../../scripts/extract-contracts";
import { buildApiRouter } from "../routes";
import { readSpec } from "../test-support/contracts";
import { CONTRACT_OPERATIONS, type SpecName } from "./operations";

type Node = Record<string, unknown>;
const SPECS = Object.keys(CONTRACT_OPERATIONS) as SpecName[];
// The classic Terminal API endpoint: Adyen publishes no OpenAPI spec for it (its messages are nexo).
const WITHOUT_SPEC = new Set(["POST /sync"]);

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node))
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
  }
  return out;
}

function resolve(spec: Node, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, part) => (node as Node | undefined)?.[part.replace(/~1/g, "/")], spec);
}

describe("sim/contracts", () => {
  it("has an operation for every Adyen route the simulator serves", () => {
    const missing: string[] = [];
    for (const { method, pattern } of buildApiRouter().list()) {
      if (WITHOUT_SPEC.has(`${method} ${pattern}`)) continue;
      const spec = SPECS.find(
        (s) => CONTRACT_OPERATIONS[s].prefix && pattern.startsWith(CONTRACT_OPERATIONS[s].prefix),
      );
      const specPath = pattern.slice(spec ? CONTRACT_OPERATIONS[spec].prefix.length : 0).replace(/:(\w+)/g, "{$1}");
      const paths = spec ? (readSpec(spec)["paths"] as Record<string, Node>) : {};
      if (!paths[specPath]?.[method.toLowerCase()]) missing.push(`${method} ${pattern}`);
    }
    // Add it to sim/contracts/operations.ts and run scripts/extract-contracts.ts on Adyen's specs.
    expect(missing).toEqual([]);
  });

  it.each(SPECS)("%s keeps no prose and resolves every $ref", (name) => {
    const spec = readSpec(name);
    const values = (node: unknown) => Object.values((node ?? {}) as Node);
    const operations = [...values(spec["paths"]), ...values(spec["webhooks"])].flatMap(values);
    const parts = [...operations, ...values(spec["components"]).flatMap(values)];
    for (const part of parts) expect(stripProse(part as never)).toEqual(part);
    const unresolved = refs(spec).filter((ref) => resolve(spec, ref) === undefined);
    expect(unresolved).toEqual([]);
    expect(refs(spec).length).toBeGreaterThan(0);
  });
});
