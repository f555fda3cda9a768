// Readiness per endpoint, merchant account, region and client: how many requests that should carry a key were
// sent with a valid one and no legacy header, which findings they caused, and a verdict.
import { emptyCounts, FINDING_CODES, SEVERITY, type FindingCounts } from "@/lib/idempotency/codes";
import { MAX_KEY_LENGTH } from "@/lib/idempotency/findings/key-too-long";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export const DIMENSIONS = ["endpoint", "merchantAccount", "region", "client"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Verdict = "ready" | "not ready" | "no traffic";

export type ReadinessRow = {
  dimension: Dimension;
  value: string;
  /** Requests that should carry a key (POST to an endpoint that takes one) or carried the legacy header. */
  requests: number;
  /** Of those, sent with a key of 1–64 characters and without the legacy header. */
  ready: number;
  findings: Partial<FindingCounts>;
  verdict: Verdict;
};

export const UNKNOWN = "(unknown)";
const OTHER = "(other)";
/** Distinct values kept per dimension; a log with a new User-Agent on every line must not grow memory. */
const MAX_VALUES = 2_000;

/** In scope for readiness: the request should carry a key, or it still uses the legacy header. */
export function isInScope(r: RequestRecord): boolean {
  return r.acceptsKey || r.legacy;
}

export function isReadyRequest(r: RequestRecord): boolean {
  return r.key !== null && r.key.length <= MAX_KEY_LENGTH && !r.legacy;
}

export function hasBlocking(findings: Partial<FindingCounts>): boolean {
  return FINDING_CODES.some((c) => SEVERITY[c] === "blocking" && (findings[c] ?? 0) > 0);
}

/** Pure: no traffic and nothing blocking → no traffic; every request ready and nothing blocking → ready. */
export function verdictOf(requests: number, ready: number, findings: Partial<FindingCounts>): Verdict {
  if (hasBlocking(findings) || ready < requests) return "not ready";
  return requests === 0 ? "no traffic" : "ready";
}

type Cell = { requests: number; ready: number; findings: Partial<FindingCounts> };

export class ReadinessTally {
  private readonly cells = new Map<Dimension, Map<string, Cell>>(DIMENSIONS.map((d) => [d, new Map()]));
  requests = 0;
  ready = 0;
  readonly findings = emptyCounts();

  private cell(dimension: Dimension, raw: string | null): Cell {
    const values = this.cells.get(dimension) as Map<string, Cell>;
    let value = raw ?? UNKNOWN;
    if (!values.has(value) && values.size >= MAX_VALUES) value = OTHER;
    let c = values.get(value);
    if (!c) values.set(value, (c = { requests: 0, ready: 0, findings: {} }));
    return c;
  }

  addRequest(r: RequestRecord): void {
    const ready = isReadyRequest(r);
    this.requests++;
    if (ready) this.ready++;
    for (const [d, v] of [
      ["endpoint", r.endpoint],
      ["merchantAccount", r.merchantAccount],
      ["region", r.region],
      ["client", r.client],
    ] as const) {
      const c = this.cell(d, v);
      c.requests++;
      if (ready) c.ready++;
    }
  }

  addFinding(f: Pick<FindingDraft, "code" | "endpoint" | "merchantAccount" | "region" | "client">): void {
    this.findings[f.code]++;
    // A webhook has no endpoint or client: it counts against its account and environment only.
    const dims: [Dimension, string | null][] = [["merchantAccount", f.merchantAccount]];
    if (f.endpoint !== null) dims.push(["endpoint", f.endpoint]);
    if (f.region !== null) dims.push(["region", f.region]);
    if (f.endpoint !== null) dims.push(["client", f.client]);
    for (const [d, v] of dims) {
      const c = this.cell(d, v);
      c.findings[f.code] = (c.findings[f.code] ?? 0) + 1;
    }
  }

  /** Every value seen, plus `known` values (e.g. configured merchant accounts) that had no traffic at all. */
  rows(known: Partial<Record<Dimension, string[]>> = {}): ReadinessRow[] {
    const out: ReadinessRow[] = [];
    for (const d of DIMENSIONS) {
      const values = this.cells.get(d) as Map<string, Cell>;
      for (const v of known[d] ?? []) if (!values.has(v)) values.set(v, { requests: 0, ready: 0, findings: {} });
      for (const [value, c] of values) {
        out.push({ dimension: d, value, ...c, verdict: verdictOf(c.requests, c.ready, c.findings) });
      }
    }
    return out.sort(
      (a, b) => a.dimension.localeCompare(b.dimension) || b.requests - a.requests || a.value.localeCompare(b.value),
    );
  }

  overall(): { requests: number; ready: number; share: number; verdict: Verdict } {
    return {
      requests: this.requests,
      ready: this.ready,
      share: this.requests === 0 ? 0 : this.ready / this.requests,
      verdict: verdictOf(this.requests, this.ready, this.findings),
    };
  }
}
