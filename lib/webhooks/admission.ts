// Load shedding for the webhook receiver. Adyen waits 10 s and retries what it does not see acknowledged, so under
// overload the worst answer is a slow one: it still costs us the work and comes back as a retry. Every request is
// answered within a budget instead: stored and acknowledged, or refused at once with 503 (Adyen retries later) when
// this process cannot do the work in time. Refusing is cheap (no body parsed, no signature checked, nothing stored).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { log } from "@/lib/log";

/** Every request is answered within this long (Adyen's own timeout is 10 s). */
export const ANSWER_BUDGET_MS = 2_000;
/** A request still waiting for its database write after this long is refused rather than written late. */
export const QUEUE_BUDGET_MS = 1_000;
/**
 * Mean event-loop delay over the last window beyond which the process is saturated: every request then waits this
 * long per turn of the loop, and the answers fall behind the budget within a few turns.
 */
const LOOP_DELAY_LIMIT_MS = 200;
/** Requests being worked on at once beyond which new ones would wait longer than the budget. */
export const MAX_ACTIVE = 400;
/**
 * A request whose body is still arriving after this long is a slow sender: it leaves the budget above for a share of
 * its own, so senders trickling bytes (slowloris) cannot fill the budget that Adyen's prompt requests need.
 */
export const SLOW_AFTER_MS = 1_000;
/** Slow senders at once; one more is cut at once. */
export const MAX_SLOW = 40;
/** The whole body must have arrived by then (Adyen's own timeout is 10 s); a slower one is cut with 408. */
export const READ_DEADLINE_MS = 5_000;
const WINDOW_MS = 250;

type State = {
  active: number;
  slow: number;
  loopDelayMs: number;
  shed: number;
  reported: number;
  timer?: NodeJS.Timeout;
};
const g = globalThis as unknown as { __opsWebhookAdmission?: State };

function state(): State {
  if (g.__opsWebhookAdmission) return g.__opsWebhookAdmission;
  const s: State = { active: 0, slow: 0, loopDelayMs: 0, shed: 0, reported: 0 };
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  s.timer = setInterval(() => {
    // Mean, not max: one garbage collection pause must not turn Adyen away; a busy loop raises the mean.
    s.loopDelayMs = histogram.count > 0 ? histogram.mean / 1e6 : 0;
    histogram.reset();
    // One log line per window while shedding, not one per refused request (that would add to the overload).
    if (s.shed > s.reported) {
      log.warn("webhooks.shedding", {
        refused: s.shed - s.reported,
        active: s.active,
        loopDelayMs: Math.round(s.loopDelayMs),
      });
      s.reported = s.shed;
    }
  }, WINDOW_MS);
  s.timer.unref();
  g.__opsWebhookAdmission = s;
  return s;
}

export type Admission =
  | {
      admitted: true;
      /** Moves the request into the slow senders' share; false when that share is full (cut it). */
      markSlow: () => boolean;
      done: () => void;
    }
  | { admitted: false; retryAfterSeconds: number; why: string };

/** Call first thing for each request; when admitted, call `done` once it is answered. */
export function admitWebhook(): Admission {
  const s = state();
  if (s.loopDelayMs > LOOP_DELAY_LIMIT_MS || s.active >= MAX_ACTIVE) {
    s.shed++;
    const why =
      s.active >= MAX_ACTIVE
        ? `${s.active} requests in progress`
        : `event loop delayed ${Math.round(s.loopDelayMs)} ms`;
    return { admitted: false, retryAfterSeconds: 1, why };
  }
  s.active++;
  let released = false;
  let slow = false;
  return {
    admitted: true,
    markSlow: () => {
      if (released || slow) return !released;
      if (s.slow >= MAX_SLOW) return false;
      slow = true;
      s.active--;
      s.slow++;
      return true;
    },
    done: () => {
      if (released) return;
      released = true;
      if (slow) s.slow--;
      else s.active--;
    },
  };
}

/** For health and benchmarks: requests refused since start, and the current load signals. */
export function admissionState(): { active: number; slow: number; loopDelayMs: number; shed: number } {
  const { active, slow, loopDelayMs, shed } = state();
  return { active, slow, loopDelayMs, shed };
}
