// Injected faults: per-family latency and error rate, dropped connections, an unavailable idempotency store.
import type { FaultMix, RateLimit } from "./fault-mix";

export const API_FAMILIES = ["checkout", "management", "device", "terminal", "statuspage"] as const;
export type ApiFamily = (typeof API_FAMILIES)[number];

/** Which API a path belongs to; Terminal API calls through the Cloud device API count as "terminal". */
export function familyOf(path: string): ApiFamily | null {
  if (path.startsWith("/v72/")) return "checkout";
  if (path.startsWith("/v3/")) return "management";
  if (path === "/sync" || /^\/v1\/merchants\/[^/]+\/devices\/[^/]+\/(sync|async)$/.test(path)) return "terminal";
  if (path.startsWith("/v1/")) return "device";
  if (path === "/status" || path.startsWith("/status/")) return "statuspage";
  return null;
}

export interface ErrorRateFault {
  readonly rate: number;
  readonly status: 500 | 503;
}

export interface FaultState {
  readonly latencyMs: Record<ApiFamily, number>;
  readonly errorRate: Record<ApiFamily, ErrorRateFault>;
  /** Requests still to be processed and then answered by closing the socket. */
  dropConnections: { remaining: number; family: ApiFamily | null };
  idempotencyStoreAvailable: boolean;
  /** Per-family rate limits and random fault mixes (see fault-mix.ts). */
  rateLimits: Partial<Record<ApiFamily, RateLimit>>;
  mixes: Partial<Record<ApiFamily, FaultMix>>;
}

function perFamily<T>(make: () => T): Record<ApiFamily, T> {
  return Object.fromEntries(API_FAMILIES.map((f) => [f, make()])) as Record<ApiFamily, T>;
}

export function createFaultState(): FaultState {
  return {
    latencyMs: perFamily(() => 0),
    errorRate: perFamily((): ErrorRateFault => ({ rate: 0, status: 503 })),
    dropConnections: { remaining: 0, family: null },
    idempotencyStoreAvailable: true,
    rateLimits: {},
    mixes: {},
  };
}

export function pickInjectedError(faults: FaultState, family: ApiFamily, random: () => number): 500 | 503 | null {
  const fault = faults.errorRate[family];
  return fault.rate > 0 && random() < fault.rate ? fault.status : null;
}

/** Consumes one "drop" if this request is eligible; the caller then destroys the socket instead of answering. */
export function takeConnectionDrop(faults: FaultState, family: ApiFamily | null): boolean {
  const drop = faults.dropConnections;
  if (drop.remaining <= 0 || family === null) return false;
  if (drop.family !== null && drop.family !== family) return false;
  drop.remaining -= 1;
  return true;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
