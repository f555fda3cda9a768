// Roles and what each may use. Pages, actions and routes check these on the server themselves.
import { z } from "zod";

export const ROLES = ["admin", "store_manager", "finance", "engineering"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { message: `role must be one of ${ROLES.join(", ")}` });

export type Area = "status" | "runbook" | "terminals" | "payment-links" | "reconciliation" | "idempotency" | "admin";

export const AREA_ROLES: Record<Area, readonly Role[]> = {
  status: ["admin", "store_manager", "finance", "engineering"],
  runbook: ["admin", "store_manager"],
  terminals: ["admin", "store_manager"],
  "payment-links": ["admin", "store_manager", "finance"],
  reconciliation: ["admin", "finance"],
  idempotency: ["admin", "engineering"],
  admin: ["admin"],
};

export const AREAS = Object.keys(AREA_ROLES) as Area[];

export function canUseArea(role: Role, area: Area): boolean {
  return AREA_ROLES[area].includes(role);
}

export function areasFor(role: Role): Area[] {
  return AREAS.filter((a) => canUseArea(role, a));
}
