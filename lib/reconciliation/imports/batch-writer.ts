// Collects valid rows into batches and writes them with one write in flight at a time, so the next batch
// is parsed and validated while the database stores the previous one.
import type { WriteCounts } from "@/lib/reconciliation/imports/types";

export class BatchWriter<Row> {
  readonly totals: WriteCounts = { inserted: 0, updated: 0, duplicates: 0 };
  private pending: Row[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;
  private stopped = false;

  constructor(
    private readonly write: (rows: Row[]) => Promise<WriteCounts>,
    private readonly size: number,
  ) {}

  async push(row: Row): Promise<void> {
    if (this.stopped) return;
    this.pending.push(row);
    if (this.pending.length >= this.size) await this.flush();
  }

  /** No more writes: the import will be rolled back, so only validation goes on. */
  stop(): void {
    this.stopped = true;
    this.pending = [];
  }

  /** Writes what is pending and waits for every write; throws the first write error. */
  async finish(): Promise<WriteCounts> {
    await this.flush();
    await this.settle();
    return this.totals;
  }

  /** Waits for the write in flight without throwing; a transaction must not end with a query still running. */
  async settle(): Promise<void> {
    await this.inFlight;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await this.inFlight;
    if (this.failure) throw this.failure.error;
    if (batch.length === 0 || this.stopped) return;
    // The rejection is kept (not left unhandled) and rethrown at the next flush or at finish.
    this.inFlight = this.write(batch).then(
      (counts) => {
        this.totals.inserted += counts.inserted;
        this.totals.updated += counts.updated;
        this.totals.duplicates += counts.duplicates;
      },
      (error: unknown) => {
        this.failure = { error };
      },
    );
  }
}
