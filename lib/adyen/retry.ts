// The single retry policy for Adyen writes: same Idempotency-Key every attempt, transient failures only, full-jitter backoff.
import { v4 as uuidv4 } from "uuid";
import { AppError } from "@/lib/errors";
import { isAdyenApiError, type AdyenApiError } from "@/lib/adyen/errors";
import { MAX_IDEMPOTENCY_KEY_LENGTH } from "@/lib/adyen/http-client";

export type AdyenAttempt = {
  /** 1 for the first try. */
  attempt: number;
  /** The caller's key, handed back unchanged on every attempt. */
  idempotencyKey: string;
};

export type AdyenRetryOptions = {
  /** One UUID v4 per logical operation, generated (and ideally persisted) by the caller before the first try. */
  idempotencyKey: string;
  /** Including the first try. Default 4. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1). */
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: AdyenApiError }) => void;
  /**
   * Least wait before retrying a 704 (the same key still being processed): a duplicate in flight finishes in its
   * own time, and a jittered wait near zero would only collect more 704s. Default 0 (plain backoff).
   */
  inFlightMinDelayMs?: number;
};

export type AdyenRetryResult<T> = { result: T; attempts: number };

export const DEFAULT_MAX_ATTEMPTS = 4;
export const DEFAULT_BASE_DELAY_MS = 200;
export const DEFAULT_MAX_DELAY_MS = 5_000;

/** A fresh key for one logical write (payment link creation, settings change…). */
export function newIdempotencyKey(): string {
  return uuidv4();
}

/**
 * Safe to send again with the same key: the request may not have arrived (network error, timeout)
 * or Adyen said so (`transient-error: true`, or the transient idempotency codes 703/704).
 * Any other 4xx is the request's fault, and a 5xx not marked transient may already have been
 * processed, so neither is retried automatically.
 */
export function isRetryableAdyenError(err: unknown): err is AdyenApiError {
  if (!isAdyenApiError(err)) return false;
  return err.kind === "network" || err.kind === "timeout" || err.isTransient;
}

/** Full jitter: a uniform delay between 0 and min(cap, base · 2^(retry−1)). */
export function backoffDelayMs(
  retry: number,
  random: () => number,
  baseDelayMs = DEFAULT_BASE_DELAY_MS,
  maxDelayMs = DEFAULT_MAX_DELAY_MS,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withAdyenRetry<T>(
  operation: (attempt: AdyenAttempt) => Promise<T>,
  opts: AdyenRetryOptions,
): Promise<AdyenRetryResult<T>> {
  const { idempotencyKey } = opts;
  if (!idempotencyKey || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError(
      "VALIDATION",
      `An idempotency key of 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters is required for Adyen writes.`,
    );
  }
  const maxAttempts = Math.max(1, Math.trunc(opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const sleep = opts.sleep ?? realSleep;
  const random = opts.random ?? Math.random;

  for (let attempt = 1; ; attempt++) {
    try {
      const result = await operation({ attempt, idempotencyKey });
      return { result, attempts: attempt };
    } catch (err) {
      if (isAdyenApiError(err)) err.attempts = attempt;
      if (!isRetryableAdyenError(err) || attempt >= maxAttempts) throw err;
      const backoff = backoffDelayMs(attempt, random, opts.baseDelayMs, opts.maxDelayMs);
      const delayMs = err.errorCode === "704" ? Math.max(backoff, opts.inFlightMinDelayMs ?? 0) : backoff;
      opts.onRetry?.({ attempt, delayMs, error: err });
      await sleep(delayMs);
    }
  }
}

export type AdyenReadRetryOptions = Omit<AdyenRetryOptions, "idempotencyKey" | "inFlightMinDelayMs"> & {
  /** Counts each 429 that was waited out (for sync reports). */
  onThrottled?: (waitMs: number) => void;
};

/**
 * For reads (GET), which change nothing and need no key: network errors, timeouts, transient answers and 5xx are
 * retried with backoff, and a 429 (rate limit) waits for its Retry-After (or the backoff when there is none).
 * 429s do not use up attempts: Adyen blocked the request before doing anything, and waiting is the remedy.
 */
export async function withAdyenReadRetry<T>(operation: () => Promise<T>, opts: AdyenReadRetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, Math.trunc(opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const sleep = opts.sleep ?? realSleep;
  const random = opts.random ?? Math.random;
  let failures = 0;
  let throttles = 0;
  for (;;) {
    try {
      return await operation();
    } catch (err) {
      if (!isAdyenApiError(err)) throw err;
      const throttled = err.httpStatus === 429;
      const retryable = throttled || (err.httpStatus ?? 0) >= 500 || isRetryableAdyenError(err);
      if (throttled) throttles++;
      else failures++;
      err.attempts = failures + throttles;
      if (!retryable || failures >= maxAttempts || throttles > MAX_THROTTLE_WAITS) throw err;
      const backoff = backoffDelayMs(throttled ? throttles : failures, random, opts.baseDelayMs, opts.maxDelayMs);
      const delayMs =
        throttled && err.retryAfterMs !== undefined ? err.retryAfterMs + Math.floor(random() * 100) : backoff;
      if (throttled) opts.onThrottled?.(delayMs);
      else opts.onRetry?.({ attempt: failures, delayMs, error: err });
      await sleep(delayMs);
    }
  }
}

/** A rate limit that never lets up is an outage of its own: give up after this many waits for one request. */
export const MAX_THROTTLE_WAITS = 20;
