// Two more ways Adyen can misbehave, for sync and link benchmarks: a rate limit per time window (429 with
// Retry-After, as Adyen enforces on live Management API endpoints) and a random mix of faults on a share of calls
// (processed but the connection dropped, transient 503, 704 "in flight", extra latency).

/** Adyen's description: once a window's requests are used up, further requests are blocked until it ends. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
  windowStart: number;
  used: number;
  /** Requests answered 429 so far, for the control API. */
  rejected: number;
}

export const FAULT_KINDS = ["drop", "transient503", "inFlight704", "latency"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultMix {
  /** Share of requests that get one of the faults, 0..1. */
  readonly rate: number;
  /** Relative weights of the kinds; a kind with weight 0 never happens. */
  readonly weights: Readonly<Record<FaultKind, number>>;
  readonly latencyMs: number;
  /** How many requests got each kind, for the control API and benchmark reports. */
  readonly counts: Record<FaultKind, number>;
}

export function createRateLimit(limit: number, windowMs: number, now: number): RateLimit {
  return { limit, windowMs, windowStart: now, used: 0, rejected: 0 };
}

/** Counts the request against the window; returns the seconds to wait when it is over the limit. */
export function takeRateLimit(limit: RateLimit | null | undefined, now: number): { retryAfterSeconds: number } | null {
  if (!limit) return null;
  if (now - limit.windowStart >= limit.windowMs) {
    limit.windowStart = now - ((now - limit.windowStart) % limit.windowMs);
    limit.used = 0;
  }
  if (limit.used < limit.limit) {
    limit.used += 1;
    return null;
  }
  limit.rejected += 1;
  const remainingMs = limit.windowStart + limit.windowMs - now;
  return { retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
}

export function createFaultMix(rate: number, weights: Partial<Record<FaultKind, number>>, latencyMs: number): FaultMix {
  const full = Object.fromEntries(FAULT_KINDS.map((k) => [k, Math.max(0, weights[k] ?? 0)])) as Record<
    FaultKind,
    number
  >;
  return {
    rate,
    weights: full,
    latencyMs,
    counts: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  };
}

/** Decides this request's fault, if any; `random` returns a number in [0, 1). */
export function pickFault(mix: FaultMix | null | undefined, random: () => number): FaultKind | null {
  if (!mix || mix.rate <= 0 || random() >= mix.rate) return null;
  const total = FAULT_KINDS.reduce((sum, k) => sum + mix.weights[k], 0);
  if (total <= 0) return null;
  let point = random() * total;
  for (const kind of FAULT_KINDS) {
    point -= mix.weights[kind];
    if (point < 0) {
      mix.counts[kind] += 1;
      return kind;
    }
  }
  return null;
}
