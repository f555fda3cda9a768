import { describe, expect, it } from "vitest";
import { nextRetryDelayMs, RETRY_WINDOW_MS } from "./retry-schedule";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("webhook retry schedule", () => {
  it("retries three times quickly, then queues with growing delays, then every 8 hours", () => {
    const delays = Array.from({ length: 14 }, (_, i) => nextRetryDelayMs(i + 1, 0));
    expect(delays.slice(0, 3).every((d) => d !== null && d <= 10_000)).toBe(true);
    expect(delays.slice(3)).toEqual([
      2 * MIN,
      5 * MIN,
      10 * MIN,
      15 * MIN,
      30 * MIN,
      HOUR,
      2 * HOUR,
      4 * HOUR,
      8 * HOUR,
      8 * HOUR,
      8 * HOUR,
    ]);
  });

  it("gives up once the next attempt would be more than 30 days after the first", () => {
    expect(nextRetryDelayMs(40, RETRY_WINDOW_MS - 9 * HOUR)).toBe(8 * HOUR);
    expect(nextRetryDelayMs(40, RETRY_WINDOW_MS - 7 * HOUR)).toBeNull();
  });
});
