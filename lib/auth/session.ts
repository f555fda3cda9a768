// Server-side guards. Every page, server action and route handler calls one of these itself.
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/options";
import { principalForUser } from "@/lib/auth/users";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { canUseArea, type Area, type Role } from "@/lib/auth/roles";
import type { Principal } from "@/lib/auth/principal";

// cache(): the layout and the page of one request both ask; the session and the user row are read once.
export const currentPrincipal = cache(async (): Promise<Principal | null> => {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  return session?.userId ? principalForUser(session.userId) : null;
});

/** For pages: no session → sign-in page; wrong role → the 403 page. */
export async function requirePage(area: Area): Promise<Principal> {
  const p = await currentPrincipal();
  if (!p) redirect("/login");
  if (!canUseArea(p.role, area)) forbidden();
  return p;
}

/** For server actions: typed errors the action maps into its result. */
export async function requireAction(area: Area): Promise<Principal> {
  const p = await currentPrincipal();
  if (!p) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again.");
  if (!canUseArea(p.role, area)) throw new AppError("FORBIDDEN", "Your role may not do this.");
  return p;
}

/**
 * For /api/v1 route handlers: a bearer token, or a signed-in session (same-origin UI calls). Takes an area, or
 * the roles themselves for endpoints no page matches (POS order intake, payment events).
 */
export async function requireApi(allowed: Area | readonly Role[]): Promise<Principal> {
  const h = await headers();
  const p = h.get("authorization") ? await authenticateBearer(h.get("authorization")) : await currentPrincipal();
  if (!p) throw new AppError("UNAUTHENTICATED", "Send an API token as `Authorization: Bearer <token>`.");
  const ok = typeof allowed === "string" ? canUseArea(p.role, allowed) : allowed.includes(p.role);
  if (!ok) throw new AppError("FORBIDDEN", `The role ${p.role} may not use this endpoint.`);
  return p;
}
