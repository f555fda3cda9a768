// Server-side guards. Every page, server action and route handler calls one of these itself.
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/options";
import { principalForUser } from "@/lib/auth/users";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { assertCan, can, type Action, type StoreScope } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";

// cache(): the layout and the page of one request both ask; the session and the user row are read once.
export const currentPrincipal = cache(async (): Promise<Principal | null> => {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  return session?.userId ? principalForUser(session.userId) : null;
});

/** For pages: no session → sign-in page; an action the caller may not perform (here) → the 403 page. */
export async function requirePage(action: Action, scope?: StoreScope): Promise<Principal> {
  const p = await currentPrincipal();
  if (!p) redirect("/login");
  if (!can(p, action, scope)) forbidden();
  return p;
}

/** For server actions: typed errors the action maps into its result. */
export async function requireAction(action: Action, scope?: StoreScope): Promise<Principal> {
  const p = await currentPrincipal();
  if (!p) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
  assertCan(p, action, scope);
  return p;
}

/**
 * For /api/v1 route handlers: a bearer token, or a signed-in session (same-origin UI calls), allowed to perform
 * the action (on the store, when one is named).
 */
export async function requireApi(action: Action, scope?: StoreScope): Promise<Principal> {
  const h = await headers();
  const p = h.get("authorization") ? await authenticateBearer(h.get("authorization")) : await currentPrincipal();
  if (!p) throw new AppError("UNAUTHENTICATED", "Send an API token as `Authorization: Bearer <token>`.");
  assertCan(p, action, scope);
  return p;
}

/**
 * For routes anyone may call that tell more to some: the caller behind a bearer token or a session, or null for an
 * anonymous one. A wrong token is refused (401) rather than taken for anonymous.
 */
export async function optionalApiPrincipal(req: Request): Promise<Principal | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) return authenticateBearer(authorization);
  return req.headers.get("cookie") ? currentPrincipal() : null;
}
