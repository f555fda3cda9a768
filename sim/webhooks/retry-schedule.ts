// Adyen's webhook retry schedule: three quick retries, then a queue with growing delays, for up to 30 days.
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const QUICK_RETRY_DELAYS_MS: readonly number[] = [SECOND, SECOND, SECOND];
export const QUEUED_RETRY_DELAYS_MS: readonly number[] = [
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
];
export const LATE_RETRY_INTERVAL_MS = 8 * HOUR;
export const RETRY_WINDOW_MS = 30 * DAY;

/**
 * Unscaled delay before the next attempt after `failedAttempts` failures (1 = the first delivery failed),
 * or null once the next attempt would fall outside the 30-day window.
 */
export function nextRetryDelayMs(failedAttempts: number, elapsedSinceFirstAttemptMs: number): number | null {
  const index = failedAttempts - 1;
  const delay =
    QUICK_RETRY_DELAYS_MS[index] ??
    QUEUED_RETRY_DELAYS_MS[index - QUICK_RETRY_DELAYS_MS.length] ??
    LATE_RETRY_INTERVAL_MS;
  return elapsedSinceFirstAttemptMs + delay > RETRY_WINDOW_MS ? null : delay;
}
