// Throttles repeated failed sign-ins per email and per client address, in the database so all instances agree.
import { db } from "@/lib/db";

const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;
export const MAX_FAILURES = { email: 5, address: 25 } as const;

export type ThrottleKind = keyof typeof MAX_FAILURES;

function key(kind: ThrottleKind, value: string): string {
  return `${kind}:${value.trim().toLowerCase()}`;
}

export async function lockedUntil(kind: ThrottleKind, value: string): Promise<Date | null> {
  const row = await db().signInThrottle.findUnique({ where: { key: key(kind, value) } });
  return row?.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil : null;
}

export async function recordFailedSignIn(kind: ThrottleKind, value: string): Promise<void> {
  // One statement, so concurrent failures on several instances all count.
  await db().$executeRaw`
    INSERT INTO sign_in_throttle (key, failures, first_failure_at, locked_until)
    VALUES (${key(kind, value)}, 1, now(), NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_throttle.first_failure_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                      THEN 1 ELSE sign_in_throttle.failures + 1 END,
      first_failure_at = CASE WHEN sign_in_throttle.first_failure_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                      THEN now() ELSE sign_in_throttle.first_failure_at END,
      locked_until = CASE WHEN sign_in_throttle.first_failure_at >= now() - make_interval(mins => ${WINDOW_MINUTES})
                           AND sign_in_throttle.failures + 1 >= ${MAX_FAILURES[kind]}
                      THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE sign_in_throttle.locked_until END`;
}

export async function clearFailedSignIns(kind: ThrottleKind, value: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { key: key(kind, value) } });
}
