// Bounded concurrency: a Pool lets at most `limit` tasks run at once (and remembers the most it ever had, for the
// benchmark); mapLimited walks a list with a bounded number of workers.
export class Pool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  peak = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`pool limit must be a positive integer, got ${limit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Maps items through `task` with at most `limit` of them started and unsettled at once. On the first failure no
 * further item starts, and that failure is thrown once the ones under way have settled. Tasks that call through a
 * Pool still wait for its slots, so several maps can share one Pool's bound.
 */
export async function mapLimited<I, T>(
  items: readonly I[],
  limit: number,
  task: (item: I) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i] as I);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
