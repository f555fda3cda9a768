// A full run is background work: it must not make live matching fall behind. Between its statements it looks at the
// queue, and while the oldest pending change has waited longer than a threshold (incremental matching is behind,
// usually because the full run takes the CPU it needs), it pauses and lets the partial runs catch up. It only waits
// for matching that is actually going on (an app running its jobs): with nobody draining the queue, pausing would
// help nothing. The pauses are capped, so a full run always finishes, even under load that never lets the queue empty.
import { db } from "@/lib/db";
import { PARTIAL_LOCK } from "./locks";

export type GiveWayOptions = {
  /** Pause while the oldest pending change is older than this. */
  behindMs: number;
  /** At most this much pausing over the whole run. */
  maxPauseMs: number;
  /** How often the queue is looked at while paused. */
  stepMs: number;
};

export const GIVE_WAY: GiveWayOptions = { behindMs: 2_000, maxPauseMs: 120_000, stepMs: 250 };

/** Written by every partial run over the queue (partial-run.ts): when incremental matching last ran. */
export const LAST_PARTIAL_RUN = "reconciliation.last_partial_run";

// Incremental matching is going on: a partial run holds its lock, or finished one in the last seconds (its heartbeat).
// Changes that merely wait (a bulk load, an app that is stopped) are no live matching. Parameters: $1, $2.
const MATCHING_LIVE_SQL = `(EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
                                   AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1)
   OR EXISTS (SELECT 1 FROM app_settings WHERE key = $2 AND updated_at > now() - interval '5 seconds'))`;

/**
 * How far behind incremental matching is while it runs: how long the oldest pending change has waited, in ms; 0 when
 * nothing is pending, or when no matching is going on (pausing would then help nothing).
 */
export async function liveMatchingLagMs(): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ age: number | null; live: boolean }[]>(
    `SELECT (extract(epoch FROM now() - q.queued_at) * 1000)::float8 AS age, ${MATCHING_LIVE_SQL} AS live
       FROM recon_queue q WHERE q.done_at IS NULL ORDER BY q.id LIMIT 1`,
    PARTIAL_LOCK,
    LAST_PARTIAL_RUN,
  );
  return row?.live ? Math.max(0, row.age ?? 0) : 0;
}

/** Whether the app is matching live traffic now; a full run then keeps to one core (see full-run.ts). */
export async function liveMatchingGoingOn(): Promise<boolean> {
  const [row] = await db().$queryRawUnsafe<{ live: boolean }[]>(
    `SELECT ${MATCHING_LIVE_SQL} AS live`,
    PARTIAL_LOCK,
    LAST_PARTIAL_RUN,
  );
  return row?.live ?? false;
}

/** A pacer for one run: call it between statements; `pausedMs` is the pausing so far. */
export function givingWay(
  options: GiveWayOptions = GIVE_WAY,
  behind: () => Promise<number> = liveMatchingLagMs,
): { (): Promise<void>; readonly pausedMs: number } {
  let paused = 0;
  const pace = async () => {
    while (paused < options.maxPauseMs && (await behind()) > options.behindMs) {
      const step = Math.min(options.stepMs, options.maxPauseMs - paused);
      await new Promise((r) => setTimeout(r, step));
      paused += step;
    }
  };
  return Object.defineProperty(pace, "pausedMs", { get: () => paused }) as typeof pace & { readonly pausedMs: number };
}
