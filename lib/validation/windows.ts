// Bounds of the time windows people declare per store: outage windows (runbook; reconciliation widens its matching
// inside them) and maintenance windows (status panel; no alerts inside them). How long a window may last, how far
// back and ahead it may start when declared, and never two of one store at once. The database enforces every bound
// (migration bounded_windows: checks, a start trigger, exclusion constraints); these checks only come first, to
// answer with a clear message, and translate the database's refusal when two declarations race.
import { AppError, type AppErrorCode } from "@/lib/errors";

export type WindowKind = "outage" | "maintenance";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The same limits as the migration's constraints and trigger (a test keeps them together). */
export const WINDOW_BOUNDS: Record<WindowKind, { maxLengthMs: number; maxBackMs: number; maxAheadMs: number }> = {
  outage: { maxLengthMs: 7 * DAY_MS, maxBackMs: 7 * DAY_MS, maxAheadMs: 24 * HOUR_MS },
  maintenance: { maxLengthMs: 14 * DAY_MS, maxBackMs: 24 * HOUR_MS, maxAheadMs: 90 * DAY_MS },
};

export type WindowProblemCode = "ends_before_start" | "too_long" | "start_out_of_range" | "ends_in_past" | "overlap";

/** A problem as a message key (windows.problems.<code>) with its values, rendered in the reader's language. */
export type WindowProblem = {
  code: WindowProblemCode;
  path: "startsAt" | "endsAt";
  values: Record<string, string | number>;
};

const days = (ms: number) => Math.round(ms / DAY_MS);
const hours = (ms: number) => Math.round(ms / HOUR_MS);

function limits(kind: WindowKind) {
  const b = WINDOW_BOUNDS[kind];
  return { kind, maxDays: days(b.maxLengthMs), backHours: hours(b.maxBackMs), aheadHours: hours(b.maxAheadMs) };
}

const ENGLISH: Record<WindowProblemCode, (v: Record<string, string | number>) => string> = {
  ends_before_start: () => "must be after startsAt",
  too_long: (v) => `a window may last at most ${v["maxDays"]} days`,
  start_out_of_range: (v) => `must lie between ${v["backHours"]} hours ago and ${v["aheadHours"]} hours from now`,
  ends_in_past: () => "must be in the future",
  overlap: () => "another window of this store already covers that time; end or change it first",
};

/** The first problem of a window about to be declared, or null. `endsAt` absent: an outage still open. */
export function windowProblem(
  kind: WindowKind,
  w: { startsAt: Date; endsAt?: Date | null },
  now = new Date(),
): WindowProblem | null {
  const b = WINDOW_BOUNDS[kind];
  const values = limits(kind);
  const problem = (code: WindowProblemCode, path: WindowProblem["path"]): WindowProblem => ({ code, path, values });
  const start = w.startsAt.getTime();
  if (start < now.getTime() - b.maxBackMs || start > now.getTime() + b.maxAheadMs)
    return problem("start_out_of_range", "startsAt");
  if (!w.endsAt) return null;
  const end = w.endsAt.getTime();
  if (end <= start) return problem("ends_before_start", "endsAt");
  if (end - start > b.maxLengthMs) return problem("too_long", "endsAt");
  if (kind === "maintenance" && end <= now.getTime()) return problem("ends_in_past", "endsAt");
  return null;
}

/** The error a caller gets for a window problem: 400 (409 for an overlap), naming the field, in both languages. */
export function windowError(p: WindowProblem): AppError {
  const code: AppErrorCode = p.code === "overlap" ? "CONFLICT" : "VALIDATION";
  const message = ENGLISH[p.code](p.values);
  return new AppError(code, `Invalid ${p.values["kind"]} window: ${p.path}: ${message}`, {
    problems: [{ path: p.path, message }],
    message: { key: `windows.problems.${p.code}`, values: p.values },
  });
}

export function assertWindow(kind: WindowKind, w: { startsAt: Date; endsAt?: Date | null }, now = new Date()): void {
  const p = windowProblem(kind, w, now);
  if (p) throw windowError(p);
}

const CONSTRAINT_PROBLEMS: Record<string, WindowProblem["code"]> = {
  no_overlap: "overlap",
  length: "too_long",
  ends_after_start: "ends_before_start",
  start_bounds: "start_out_of_range",
};

/**
 * The database's refusal of a window (a constraint of the migration bounded_windows) as the caller's error; any
 * other error as it was. Two declarations of one store at the same moment: the second gets 409 here.
 */
export function windowConstraintError(kind: WindowKind, err: unknown): unknown {
  const cause = (err as { cause?: { originalMessage?: unknown; message?: unknown } } | null)?.cause;
  const message = String(cause?.originalMessage ?? cause?.message ?? (err as Error | null)?.message ?? "");
  const table = kind === "outage" ? "outage_windows" : "maintenance_windows";
  const name = new RegExp(`constraint "${table}_([a-z_]+)"`).exec(message)?.[1];
  const code = name ? CONSTRAINT_PROBLEMS[name] : undefined;
  if (!code) return err;
  const path = code === "overlap" || code === "start_out_of_range" ? "startsAt" : "endsAt";
  return windowError({ code, path, values: limits(kind) });
}

/** An outage window never counts beyond its maximum length, also while it is open. */
export function outageEndAtMost(startsAt: Date, endsAt: Date): Date {
  const latest = new Date(startsAt.getTime() + WINDOW_BOUNDS.outage.maxLengthMs);
  return endsAt > latest ? latest : endsAt;
}
