import { expect, test, type Page } from "@playwright/test";
import { demoUser, LANDING, signIn } from "./helpers";
import { createUser } from "./support";
import { E2E_BASE_URL } from "./config";

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("after signing in, a callbackUrl that points at another host leads to the role's own page", async ({ page }) => {
  const finance = demoUser("finance");
  for (const callbackUrl of ["/%5Cevil.example", "//evil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(decodeURIComponent(callbackUrl))}`);
    await signInAs(page, finance.email, finance.password);
    await expect(page).toHaveURL(`${E2E_BASE_URL}/reconciliation`);
  }
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/reconciliation?status=missing")}`);
  await signInAs(page, finance.email, finance.password);
  await expect(page).toHaveURL(`${E2E_BASE_URL}/reconciliation?status=missing`);
});

test("pages carry a nonce-based Content-Security-Policy and a Permissions-Policy, and run without violating them", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Permissions-Policy|Refused to (execute|load|apply)/i.test(m.text()))
      violations.push(m.text());
  });
  page.on("pageerror", (e) => violations.push(e.message));
  const login = await page.goto("/login");
  const csp = login?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(login?.headers()["strict-transport-security"]).toBeUndefined(); // plain http here
  expect(login?.headers()["permissions-policy"]).toMatch(/(^|, )camera=\(\)(,|$)/);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  // Every script Next wrote into the page carries this response's nonce.
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await signIn(page, "admin");
  for (const path of ["/reconciliation", "/reconciliation/imports", "/admin", "/runbook"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
  }
  // Client-side navigation works, so the scripts ran.
  await page.getByRole("link", { name: "Status", exact: true }).first().click();
  await expect(page).toHaveURL(/\/status$/);
  expect(violations).toEqual([]);
});

test("an admin disables a user: that user's open session ends, their sign-in is refused, enabling restores it", async ({
  browser,
}) => {
  const email = `leaver-${Date.now()}@example.com`;
  const password = "a-long-password-for-e2e";
  createUser(email, "finance", password);
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await user.goto("/login");
  await signInAs(user, email, password);
  await expect(user).toHaveURL(LANDING.finance);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: `Disable ${email}` }).click();
  const row = admin.getByRole("row").filter({ hasText: email });
  await expect(row.getByRole("cell", { name: "disabled" })).toBeVisible();

  await user.goto("/reconciliation");
  await expect(user).toHaveURL(/\/login/);
  await signInAs(user, email, password);
  await expect(user.getByRole("alert").filter({ hasText: "Email or password is wrong." })).toBeVisible();

  await admin.getByRole("button", { name: `Enable ${email}` }).click();
  await expect(row.getByRole("cell", { name: "active" })).toBeVisible();
  await signInAs(user, email, password);
  await expect(user).toHaveURL(LANDING.finance);
  await userContext.close();
  await adminContext.close();
});

test("a session cookie cannot be used for a state change from another site", async ({ page }) => {
  await signIn(page, "finance");
  const forged = await page.request.post("/api/v1/orders", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { orders: [] },
  });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
});
