import { expect, type Page } from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "../prisma/seed/demo-users";
import type { Role } from "../lib/auth/roles";

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
  await expect(page).toHaveURL(/\/status$/);
  return u;
}
