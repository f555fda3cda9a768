// Simulated time: wall clock plus an offset the control API can advance (link expiry, key validity).
export interface Clock {
  now(): Date;
  advance(ms: number): void;
  reset(): void;
  readonly offsetMs: number;
}

export function createClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms) => {
      offsetMs += ms;
    },
    reset: () => {
      offsetMs = 0;
    },
    get offsetMs() {
      return offsetMs;
    },
  };
}
