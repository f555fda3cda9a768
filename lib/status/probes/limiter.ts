// Bounded concurrency for Adyen calls: however many stores, at most `n` requests are in flight at once.
export type Limiter = <T>(fn: () => Promise<T>) => Promise<T>;

export function createLimiter(n: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return async (fn) => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      release();
    }
  };
}

/** Milliseconds since `started` (from performance.now()). */
export function since(started: number): number {
  return Math.round(performance.now() - started);
}
