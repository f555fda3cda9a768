// The verdict rules: how samples over time become a state. Pure and deterministic (time comes in as an argument),
// table-tested in rules.test.ts; the README states the same rules in words.
import type { Level, VerdictState } from "@/lib/status/types";
import { reasonOf, type Reason } from "./reason";
import { reasonText } from "./reason-text";
import { whyOf, type Sample } from "./samples";

export type StoredState = Exclude<VerdictState, "maintenance">;

export type Memory = {
  /** Samples that point away from the current state, counted until there are enough to change it. */
  pending: { level: Exclude<Level, "error">; count: number; since: string } | null;
  /** Consecutive samples whose check failed, and since when. */
  errors: number;
  errorSince: string | null;
  /** First sample of the problem now going on (for "… for 40 s"). */
  problemSince: string | null;
  /** Times of recent state changes, for flapping. */
  changes: string[];
  flapping: boolean;
};

export type TerminalCounts = { total: number; connected: number };

/**
 * `reason` in English, `why` the same in codes; `terminals` the count from the sample the reason describes, so
 * whatever shows the verdict shows the count it was made from (null for subjects without terminals).
 */
export type StoredVerdict = {
  state: StoredState;
  since: string;
  reason: string;
  why: Reason;
  terminals: TerminalCounts | null;
  memory: Memory;
};
export type Transition = { from: StoredState; to: StoredState; at: string; reason: string };

export type RuleConfig = {
  intervalS: number;
  /** Consecutive problem samples before a state leaves operational (one failed probe changes nothing). */
  failSamples: number;
  /** Consecutive good samples before a troubled state is operational again. */
  recoverSamples: number;
  /** Consecutive failed checks before the verdict is unknown. */
  errorSamples: number;
  /** This many changes within the window make a subject "flapping": degraded until it is steady. */
  flapChanges: number;
  flapWindowS: number;
  /** How long a flapping subject must hold one state before it leaves degraded. */
  flapQuietS: number;
};

export function ruleConfig(intervalS: number): RuleConfig {
  return {
    intervalS,
    failSamples: 2,
    recoverSamples: 2,
    errorSamples: 3,
    flapChanges: 4,
    flapWindowS: 600,
    flapQuietS: 300,
  };
}

const STATE_OF: Record<Exclude<Level, "error">, StoredState> = {
  up: "operational",
  degraded: "degraded",
  down: "outage",
};
const RANK: Record<Exclude<Level, "error">, number> = { up: 0, degraded: 1, down: 2 };

export function initialVerdict(now: string): StoredVerdict {
  const why = reasonOf("waitingFirst");
  return {
    state: "unknown",
    since: now,
    reason: reasonText(why, now),
    why,
    terminals: null,
    memory: { pending: null, errors: 0, errorSince: null, problemSince: null, changes: [], flapping: false },
  };
}

function ms(a: string, b: string): number {
  return new Date(b).getTime() - new Date(a).getTime();
}

/** Same direction: both "problem" levels, or both up. A mixed problem streak confirms its mildest level. */
function extend(
  pending: Memory["pending"],
  level: Exclude<Level, "error">,
  now: string,
): NonNullable<Memory["pending"]> {
  if (pending && (pending.level === "up") === (level === "up")) {
    const mildest = RANK[level] < RANK[pending.level] ? level : pending.level;
    return { level: mildest, count: pending.count + 1, since: pending.since };
  }
  return { level, count: 1, since: now };
}

/**
 * One step: the previous verdict (null before the first sample) and this cycle's sample give the next verdict
 * and, when the state changed, the transition.
 */
export function nextVerdict(
  prev: StoredVerdict | null,
  sample: Sample,
  now: string,
  cfg: RuleConfig,
): { verdict: StoredVerdict; transition: Transition | null } {
  const base = prev ?? initialVerdict(now);
  const m: Memory = {
    ...base.memory,
    changes: base.memory.changes.filter((t) => ms(t, now) <= cfg.flapWindowS * 1000),
  };
  /** What the verdict says: the reason in codes and in English, with the count behind it. */
  type Said = Pick<StoredVerdict, "reason" | "why" | "terminals">;
  const say = (why: Reason): Said => ({ reason: reasonText(why, now), why, terminals: sample.terminals ?? null });
  const kept: Said = { reason: base.reason, why: base.why, terminals: base.terminals };
  const keep = (said: Said = kept) => ({ verdict: { ...base, ...said, memory: m }, transition: null });
  const move = (to: StoredState, since: string, said: Said) => {
    const verdict: StoredVerdict = { state: to, since, ...said, memory: m };
    return {
      verdict,
      transition: to === base.state ? null : { from: base.state, to, at: now, reason: said.reason },
    };
  };

  if (sample.level === "error") {
    m.errors += 1;
    m.errorSince ??= now;
    const failed = say(
      reasonOf("checksFailed", { what: { reason: whyOf(sample) }, count: m.errors, duration: { since: m.errorSince } }),
    );
    if (base.state === "unknown") return keep(base.why[0]?.code === "waitingFirst" ? kept : failed);
    if (m.errors < cfg.errorSamples) return keep();
    m.pending = null;
    return move("unknown", m.errorSince, failed);
  }
  m.errors = 0;
  m.errorSince = null;
  const level = sample.level;
  m.problemSince = level === "up" ? null : (m.problemSince ?? now);
  const current: Said = say(
    m.problemSince
      ? reasonOf("problemFor", { what: { reason: whyOf(sample) }, duration: { since: m.problemSince } })
      : whyOf(sample),
  );
  const flapping = () => say(flapReason(m, cfg, level, current.why));
  const target = STATE_OF[level];

  if (target === base.state && !(m.flapping && target !== "degraded")) {
    m.pending = null;
    return keep(m.flapping ? flapping() : current);
  }
  m.pending = extend(m.pending, level, now);
  const quiet = Math.max(cfg.recoverSamples, Math.ceil(cfg.flapQuietS / cfg.intervalS));
  const needed = m.flapping ? quiet : level === "up" ? cfg.recoverSamples : cfg.failSamples;
  if (m.pending.count < needed) return keep(m.flapping ? flapping() : undefined);

  let to = STATE_OF[m.pending.level];
  const since = m.pending.since;
  m.pending = null;
  if (m.flapping) {
    // Steady for the quiet period: the flapping is over, whichever way it settled.
    m.flapping = false;
    m.changes = [];
    return move(to, since, current);
  }
  if (base.state !== "unknown") m.changes.push(now);
  if (m.changes.length >= cfg.flapChanges) {
    m.flapping = true;
    to = "degraded";
    return move(to, now, flapping());
  }
  return move(to, since, current);
}

/**
 * A flapping subject whose link is back says so plainly ("connected again, watching for 5 min …"): payments work
 * again, only the verdict waits out the quiet period before it is green, so alerts stay few.
 */
function flapReason(m: Memory, cfg: RuleConfig, level: Exclude<Level, "error">, what: Reason): Reason {
  const counts = { changes: m.changes.length, window: { ms: cfg.flapWindowS * 1000 } };
  return level === "up"
    ? reasonOf("flapWatching", { ...counts, quiet: { ms: cfg.flapQuietS * 1000 } })
    : reasonOf("flapping", { ...counts, what: { reason: what } });
}

/**
 * Until when a flapping subject whose newest samples are good is watched before it is operational again; null when
 * it is not in that state. Its verdict stays degraded meanwhile (for alerts); pages say that payments work.
 */
export function watchedUntil(v: Pick<StoredVerdict, "state" | "memory">, cfg: RuleConfig): string | null {
  const p = v.memory.pending;
  if (v.state !== "degraded" || !v.memory.flapping || p?.level !== "up") return null;
  return new Date(Date.parse(p.since) + cfg.flapQuietS * 1000).toISOString();
}
