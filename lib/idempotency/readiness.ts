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
    const value = raw ?? UNKNOWN;
    let c = values.get(value);
    if (c === undefined) {
      const kept = values.size < MAX_VALUES ? value : OTHER;
      c = values.get(kept);
      if (c === undefined) values.set(kept, (c = { requests: 0, ready: 0, findings: {} }));
    }
    return c;
  }

  private count(dimension: Dimension, value: string | null, ready: boolean): void {
    const c = this.cell(dimension, value);
    c.requests++;
    if (ready) c.ready++;
  }

  addRequest(r: RequestRecord): void {
    const ready = isReadyRequest(r);
    this.requests++;
    if (ready) this.ready++;
    this.count("endpoint", r.endpoint, ready);
    this.count("merchantAccount", r.merchantAccount, ready);
    this.count("region", r.region, ready);
    this.count("client", r.client, ready);
  }

  addFinding(f: Pick<FindingDraft, "code" | "endpoint" | "merchantAccount" | "region" | "client">): void {
    this.findings[f.code]++;
    // A webhook has no endpoint or client: it counts against its account and environment only.
    this.countFinding("merchantAccount", f.merchantAccount, f.code);
    if (f.endpoint !== null) this.countFinding("endpoint", f.endpoint, f.code);
    if (f.region !== null) this.countFinding("region", f.region, f.code);
    if (f.endpoint !== null) this.countFinding("client", f.client, f.code);
  }

  private countFinding(dimension: Dimension, value: string | null, code: FindingDraft["code"]): void {
    const c = this.cell(dimension, value);
    c.findings[code] = (c.findings[code] ?? 0) + 1;
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
