import { expect, type Page } from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "../prisma/seed/demo-users";
import type { Role } from "../lib/auth/roles";
import { DEMO_STORE_IDS } from "../sim/catalog";

/** Where each demo user lands after signing in: their role's main page (the manager has one store: its runbook). */
export const LANDING: Record<Role, RegExp> = {
  admin: /\/status$/,
  store_manager: new RegExp(`/runbook/${DEMO_STORE_IDS.BERLIN}$`),
  finance: /\/reconciliation$/,
  engineering: /\/idempotency$/,
};

export function demoUser(role: Role): DemoUser {
  const u = DEMO_USERS.find((x) => x.role === role);
  if (!u) throw new Error(`no demo user for ${role}`);
  return u;
}

export async function signIn(page: Page, role: Role): Promise<DemoUser> {
  const u = demoUser(role);
  await page.goto("/login");
  await page.getByLabel("Email").fill(u.email);
  await page.getByLabel("Password").fill(u.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(LANDING[role]);
  return u;
}
