import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demoUser, signIn } from "./helpers";
import { NAV_ENTRIES } from "../lib/auth/navigation";
import { roleCan } from "../lib/auth/permissions";
import { ROLES } from "../lib/auth/roles";

// The menu is derived from the permission table: each role sees the entries whose action it may perform.
const en = JSON.parse(readFileSync(new URL("../messages/en.json", import.meta.url), "utf8")) as {
  nav: Record<string, string>;
};
const label = (key: string) => en.nav[key] ?? key;
const ALL = NAV_ENTRIES.map((e) => label(e.label));

test("the health endpoint tells anyone the state, and an admin the database and the job queue", async ({
  request,
  browser,
}) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, "admin");
    const detailed = await context.request.get("/api/health");
    const body = (await detailed.json()) as {
      status: string;
      database: { ok: boolean };
      jobs: { installed: boolean };
      simulator: boolean;
    };
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.jobs.installed).toBe(true);
    expect(body.simulator).toBe(true);
  } finally {
    await context.close();
  }
});

test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/reconciliation");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("finance@demo.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is wrong." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

for (const role of ROLES) {
  test(`${role} signs in and sees exactly the navigation the role may use`, async ({ page }) => {
    const mine = NAV_ENTRIES.filter((e) => roleCan(role, e.action)).map((e) => label(e.label));
    expect(mine).toContain("Status");
    await signIn(page, role);
    await expect(page.getByText("Simulator", { exact: true }).first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Menu" }).last();
    for (const name of ALL) {
      const link = nav.getByRole("link", { name, exact: true });
      if (mine.includes(name)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
  });
}

test("a store manager only sees the assigned store", async ({ page }) => {
  await signIn(page, "store_manager");
  await page.goto("/status");
  await expect(page.getByRole("cell", { name: /Berlin Mitte/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Hamburg/ })).toHaveCount(0);
});

test("the wrong role gets the forbidden page with status 403, not data", async ({ page }) => {
  await signIn(page, "store_manager");
  const res = await page.goto("/reconciliation");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  const admin = await page.goto("/admin");
  expect(admin?.status()).toBe(403);
  await expect(page.getByText("admin@demo.test")).toHaveCount(0);
});

test("the language switch turns the interface German and back", async ({ page }) => {
  await signIn(page, "finance");
  await page.goto("/status");
  const desktop = page.locator("header").getByLabel("Language").last();
  await desktop.selectOption("de");
  await expect(page.getByRole("link", { name: "Abgleich", exact: true }).last()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Status", level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Abgleich", exact: true }).last()).toBeVisible();
  await page.locator("header").getByLabel("Sprache").last().selectOption("en");
  await expect(page.getByRole("link", { name: "Reconciliation", exact: true }).last()).toBeVisible();
});

test("an admin creates an API token that works once shown and never again", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  const form = page.getByRole("region", { name: "API tokens" });
  const label = `e2e-${Date.now()}`;
  await form.getByLabel("Label").fill(label);
  await form.getByLabel("Role", { exact: true }).selectOption("finance");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^ops_/);
  const ok = await request.get("/api/v1/whoami", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { role: string }).role).toBe("finance");
  const bad = await request.get("/api/v1/whoami", { headers: { Authorization: "Bearer ops_wrong" } });
  expect(bad.status()).toBe(401);
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  // The list names who created it.
  await expect(form.getByRole("row", { name: new RegExp(label) })).toContainText(demoUser("admin").email);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("a store manager opens the menu and reaches the runbook", async ({ page }) => {
    await signIn(page, "store_manager");
    await page.getByText("Menu", { exact: true }).click();
    const nav = page.getByRole("navigation", { name: "Menu" }).first();
    await nav.getByRole("link", { name: "Runbook", exact: true }).click();
    // A manager of one store lands on that store's runbook.
    await expect(page).toHaveURL(/\/runbook\/[A-Z0-9]+$/);
    await expect(page.getByRole("heading", { name: "Runbook: Berlin Mitte", level: 1 })).toBeVisible();
  });
});
