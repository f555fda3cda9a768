// Sign-in decisions, apart from next-auth's plumbing: the password check behind the throttle, and who may come in
// through single sign-on. What an anonymous caller learns is one of four words, never an internal error.
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { log, errorFields } from "@/lib/log";
import { verifyPassword } from "@/lib/auth/password";
import { releaseSignInAttempt, reserveSignInAttempt } from "@/lib/auth/throttle";
import { findActiveUserByEmail, type SignInUser } from "@/lib/auth/users";

/** The error codes the sign-in form understands (next-auth passes the message through to the caller). */
export const SIGN_IN_ERRORS = { invalid: "invalid", throttled: "throttled", busy: "busy", failed: "failed" } as const;
export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(SIGN_IN_ERRORS[code]);
    this.name = "SignInError";
  }
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(200) });

/**
 * The client's address as lib/http/client-address.ts left it in X-Forwarded-For (the peer, or the address a
 * trusted proxy forwards for). Without that rewrite (a server we did not start) there is no address to trust.
 */
export function clientAddress(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const value = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  return value || "unknown";
}

async function check(raw: unknown, address: string): Promise<SignInUser> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError("invalid");
  const { email, password } = parsed.data;
  const attempt = { email, address };
  const reservation = await reserveSignInAttempt(attempt);
  if (!reservation.allowed) {
    // Never the typed e-mail address: people type passwords into that field too, and logs are read widely.
    log.warn("auth.sign_in.throttled", { address, retryAt: reservation.retryAt });
    throw new SignInError("throttled");
  }
  const user = await findActiveUserByEmail(email);
  // Always hash, also for an unknown email, so the answer takes as long either way.
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!ok || !user) {
    log.info("auth.sign_in.failed", {
      address,
      ...(user ? { account: "known", userId: user.id } : { account: "unknown" }),
    });
    throw new SignInError("invalid");
  }
  await releaseSignInAttempt(attempt);
  log.info("auth.sign_in.ok", { userId: user.id, address });
  return user;
}

/** Email and password sign-in; throws SignInError only, whatever went wrong inside. */
export async function signInWithPassword(raw: unknown, address: string): Promise<SignInUser> {
  try {
    return await check(raw, address);
  } catch (err) {
    if (err instanceof SignInError) throw err;
    if (isAppError(err) && err.code === "RATE_LIMITED") throw new SignInError("busy");
    log.error("auth.sign_in.error", { address, ...errorFields(err) });
    throw new SignInError("failed");
  }
}

/** Single sign-on lets in people an admin already created here, and only with an email the IdP has verified. */
export async function isSsoSignInAllowed(email: string | null | undefined, profile: unknown): Promise<boolean> {
  const verified = (profile as { email_verified?: unknown } | undefined)?.email_verified === true;
  if (!email || !verified) return false;
  return (await findActiveUserByEmail(email)) !== null;
}
