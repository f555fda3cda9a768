// Throttles sign-in attempts in the database, so every instance agrees. Two budgets per fixed 15-minute window:
// one per account AND client address (someone who knows an email exhausts only their own budget for it, never the
// owner's), and one per address across all accounts (one host trying many accounts). An attempt is counted BEFORE
// the password is checked, in one statement, so parallel attempts cannot all pass a check made before any of them
// failed; a successful sign-in gives its attempt back.
import { db } from "@/lib/db";

export const WINDOW_MINUTES = 15;
export const MAX_ATTEMPTS = { pair: 5, address: 25 } as const;

export type AttemptKeys = { email: string; address: string };
export type Reservation = { allowed: true } | { allowed: false; retryAt: Date };

function keysOf({ email, address }: AttemptKeys): { pair: string; address: string } {
  const a = address.trim().toLowerCase();
  return { pair: `pair:${email.trim().toLowerCase()}|${a}`, address: `address:${a}` };
}

type Counted = { key: string; failures: number; window_ends: Date };

/** Counts one attempt on both budgets; refused when either is spent (the password is then not checked at all). */
export async function reserveSignInAttempt(attempt: AttemptKeys): Promise<Reservation> {
  const keys = keysOf(attempt);
  // Keys in a fixed order, so two statements never wait on each other's rows the other way round.
  const rows = await db().$queryRaw<Counted[]>`
    INSERT INTO sign_in_throttle AS t (key, failures, first_failure_at)
    SELECT k, 1, now() FROM unnest(${[keys.address, keys.pair].sort()}::text[]) AS k ORDER BY k
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.first_failure_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                      THEN 1 ELSE t.failures + 1 END,
      first_failure_at = CASE WHEN t.first_failure_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                      THEN now() ELSE t.first_failure_at END
    RETURNING key, failures, first_failure_at + make_interval(mins => ${WINDOW_MINUTES}) AS window_ends`;
  const spent = rows.filter((r) => r.failures > (r.key === keys.pair ? MAX_ATTEMPTS.pair : MAX_ATTEMPTS.address));
  if (spent.length === 0) return { allowed: true };
  return { allowed: false, retryAt: new Date(Math.max(...spent.map((r) => r.window_ends.getTime()))) };
}

/** After a successful sign-in: the account's budget from this address starts afresh, the address gets one back. */
export async function releaseSignInAttempt(attempt: AttemptKeys): Promise<void> {
  const keys = keysOf(attempt);
  await db().$transaction([
    db().$executeRaw`DELETE FROM sign_in_throttle WHERE key = ${keys.pair}`,
    db().$executeRaw`UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${keys.address}`,
  ]);
}

/** Forgets windows that have ended (a scheduled job), so the table holds at most one window of attempts. */
export async function pruneSignInThrottle(): Promise<number> {
  return db().$executeRaw`
    DELETE FROM sign_in_throttle WHERE first_failure_at < now() - make_interval(mins => ${WINDOW_MINUTES})`;
}
