// The roles a user or API token can have. What each may do is the action table in lib/auth/permissions.ts.
import { z } from "zod";

export const ROLES = ["admin", "store_manager", "finance", "engineering"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { message: `role must be one of ${ROLES.join(", ")}` });
