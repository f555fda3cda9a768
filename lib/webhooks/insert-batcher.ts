// Group commit for webhook requests: while a few inserts are in flight, requests that arrive meanwhile are
// written together by the next statement. Each request still gets all of its items committed in one
// transaction before it is answered; under load PostgreSQL parses, plans and flushes WAL once per batch instead
// of once per request. An idle server writes a request at once (no timer, no added latency).

/** Enough to keep both cores busy; more parallel statements only contend for the same locks and WAL. */
const MAX_IN_FLIGHT = 3;
/** Keeps one statement's arrays, and the damage of a failed batch, bounded. */
const MAX_BATCH_ROWS = 2000;

type Waiter<R, T> = { rows: readonly R[]; since: number; resolve: (value: T) => void; reject: (err: unknown) => void };

/**
 * `write` stores the rows of several requests in one statement and splits the outcome back per request.
 * When a combined write fails, each request is written on its own, so one request's bad data cannot fail
 * another request's delivery.
 */
export type BatchWrite<R, T> = (requests: readonly (readonly R[])[]) => Promise<T[]>;

export class InsertBatcher<R, T> {
  private queue: Waiter<R, T>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: BatchWrite<R, T>,
    /** False for errors that would fail each request alone too (database down): no point in retrying. */
    private readonly isWorthSplitting: (err: unknown) => boolean = () => true,
    /**
     * A request that waited longer than this for its write is refused with `expired()` instead of written: the
     * database is the bottleneck, and a late answer would only come back as a retry (see admission.ts).
     */
    private readonly queueBudgetMs = Infinity,
    private readonly expired: () => unknown = () => new Error("waited too long for the database"),
  ) {}

  submit(rows: readonly R[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ rows, since: performance.now(), resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private take(): Waiter<R, T>[] {
    const batch: Waiter<R, T>[] = [];
    let rows = 0;
    const now = performance.now();
    while (this.queue.length > 0) {
      const next = this.queue[0] as Waiter<R, T>;
      if (now - next.since > this.queueBudgetMs) {
        this.queue.shift();
        next.reject(this.expired());
        continue;
      }
      if (batch.length > 0 && rows + next.rows.length > MAX_BATCH_ROWS) break;
      batch.push(next);
      rows += next.rows.length;
      this.queue.shift();
    }
    return batch;
  }

  private async run(batch: Waiter<R, T>[]): Promise<void> {
    try {
      const results = await this.write(batch.map((w) => w.rows));
      batch.forEach((w, i) => w.resolve(results[i] as T));
    } catch (err) {
      if (batch.length === 1 || !this.isWorthSplitting(err)) return batch.forEach((w) => w.reject(err));
      await Promise.all(batch.map((w) => this.write([w.rows]).then(([result]) => w.resolve(result as T), w.reject)));
    }
  }
}
