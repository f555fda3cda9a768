// The analyses of this process (a web instance, or one `ops` command): at most IDEMPOTENCY_CONCURRENCY run at once,
// the others wait in arrival order. While it holds any, it keeps their rows' heartbeat fresh (with the progress
// of the running ones) and picks up cancellations asked for on any instance.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { removeStaleSpools } from "@/lib/idempotency/runner/spool";
import { errorFields, log } from "@/lib/log";

export class CancelledError extends Error {
  constructor(readonly by: string) {
    super(`cancelled by ${by}`);
    this.name = "CancelledError";
  }
}

export type Ticket = {
  id: string;
  /** A slot was free when it arrived: it runs at once (an upload is then analysed as it streams in). */
  immediate: boolean;
  /** Resolves when it may run; rejects with CancelledError when it is cancelled while waiting. */
  turn: Promise<void>;
  /** Aborted when it is cancelled, waiting or running. */
  signal: AbortSignal;
  /** Who cancelled it, once someone did. */
  cancelledBy: string | null;
  /** What its analysis process reports; written to its row with the heartbeat. */
  progress: { bytes: number; entries: number } | null;
};

type Entry = Ticket & { controller: AbortController; start: () => void; refuse: (err: Error) => void };

/** How often the rows' heartbeat is written and cancellations are looked for. */
export const HEARTBEAT_MS = 2_000;
/** A queued or running analysis whose heartbeat is older than this lost its process (the server stopped). */
export const STALE_MS = 30_000;

export class AnalysisQueue {
  /** Which process holds an analysis (its row's `runner`). */
  readonly runnerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private readonly running = new Map<string, Entry>();
  private readonly waiting: Entry[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly slots: () => number = () => env().IDEMPOTENCY_CONCURRENCY) {}

  get waitingCount(): number {
    return this.waiting.length;
  }

  enter(id: string): Ticket {
    const controller = new AbortController();
    let start = () => undefined as void;
    let refuse = (_err: Error) => undefined as void;
    const turn = new Promise<void>((resolve, reject) => {
      start = resolve;
      refuse = reject;
    });
    // Handled by whoever awaits it; a ticket cancelled before anyone does must not be an unhandled rejection.
    turn.catch(() => undefined);
    const immediate = this.running.size < this.slots() && this.waiting.length === 0;
    const entry: Entry = {
      id,
      immediate,
      turn,
      signal: controller.signal,
      cancelledBy: null,
      progress: null,
      controller,
      start,
      refuse,
    };
    if (immediate) {
      this.running.set(id, entry);
      start();
    } else this.waiting.push(entry);
    this.keepBeating();
    return entry;
  }

  /** Its place among the waiting, 1 for the next to run; null when it is not waiting here. */
  position(id: string): number | null {
    const i = this.waiting.findIndex((e) => e.id === id);
    return i < 0 ? null : i + 1;
  }

  /** Cancels an analysis held here; false when this process does not hold it. */
  cancel(id: string, by: string): boolean {
    const entry = this.running.get(id) ?? this.waiting.find((e) => e.id === id);
    if (!entry) return false;
    if (entry.cancelledBy === null) {
      entry.cancelledBy = by;
      entry.controller.abort(new CancelledError(by));
      const i = this.waiting.indexOf(entry);
      if (i >= 0) {
        this.waiting.splice(i, 1);
        entry.refuse(new CancelledError(by));
      }
    }
    return true;
  }

  /** Its analysis ended (or never ran): its slot goes to the next one waiting. */
  leave(id: string): void {
    this.running.delete(id);
    const i = this.waiting.findIndex((e) => e.id === id);
    if (i >= 0) this.waiting.splice(i, 1);
    while (this.running.size < this.slots() && this.waiting.length > 0) {
      const next = this.waiting.shift() as Entry;
      this.running.set(next.id, next);
      next.start();
    }
    if (this.running.size === 0 && this.waiting.length === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private keepBeating(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    const entries = [...this.running.values(), ...this.waiting];
    if (entries.length === 0) return;
    try {
      const rows = await db().$queryRawUnsafe<{ id: string; cancel_requested_by: string | null }[]>(
        `UPDATE idempotency_analyses a
            SET heartbeat_at = now(),
                bytes_read = COALESCE(p.bytes, a.bytes_read),
                entries = COALESCE(p.entries, a.entries)
           FROM unnest($1::uuid[], $2::bigint[], $3::int[]) AS p(id, bytes, entries)
          WHERE a.id = p.id AND a.status IN ('queued', 'running')
      RETURNING a.id::text, a.cancel_requested_by`,
        entries.map((e) => e.id),
        entries.map((e) => (e.progress ? e.progress.bytes : null)),
        entries.map((e) => (e.progress ? e.progress.entries : null)),
      );
      for (const r of rows) if (r.cancel_requested_by) this.cancel(r.id, r.cancel_requested_by);
    } catch (err) {
      log.warn("idempotency.heartbeat_failed", errorFields(err));
    }
  }
}

const g = globalThis as unknown as { __idemQueue?: AnalysisQueue };

/** This process's queue; the first use also clears what stopped processes left in the spool. */
export function analysisQueue(): AnalysisQueue {
  if (!g.__idemQueue) {
    g.__idemQueue = new AnalysisQueue();
    void removeStaleSpools().catch((err: unknown) => log.warn("idempotency.spool_cleanup_failed", errorFields(err)));
  }
  return g.__idemQueue;
}
