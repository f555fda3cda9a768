// The status panel end to end: the simulator cuts one store's cloud link, the probes (every 2 s in this suite, see
// playwright.config.ts) turn it red, the banner appears on a page that is already open and links to the store's
// runbook; another store's manager sees nothing; the link returns and the banner clears; history keeps the incident.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { childEnv } from "../lib/env";
import { DEMO_STORE_IDS } from "../sim/catalog";
import { E2E_DATA_DIR } from "./config";
import { signIn } from "./helpers";
import { api, createToken, sim } from "./support";

const { BERLIN, HAMBURG } = DEMO_STORE_IDS;
const HAMBURG_MANAGER = { email: "hamburg-e2e@demo.test", password: "hamburg-e2e-2026" };
// Detection takes two failing probe cycles plus a banner poll; recovery two good cycles plus a poll.
const VERDICT_TIMEOUT = 45_000;

function createHamburgManager(): void {
  execFileSync(
    process.execPath,
    ["bin/ops.js", "user", "create", "--email", HAMBURG_MANAGER.email, "--role", "store_manager", "--store", HAMBURG],
    {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: childEnv({
        DATA_DIR: E2E_DATA_DIR,
        DATABASE_URL: "",
        LOG_LEVEL: "warn",
        OPS_PASSWORD: HAMBURG_MANAGER.password,
      }),
      encoding: "utf8",
    },
  );
}

async function signInAs(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/status");
  return page;
}

async function cut(active: boolean): Promise<void> {
  await sim("/_sim/outages", { storeId: BERLIN, active });
}

test.describe("status panel", () => {
  test.afterEach(async () => {
    await cut(false);
  });

  test("a cut store link raises the banner on an open page, only for who may see the store, and clears it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    createHamburgManager();
    await signIn(page, "admin");
    await expect(page.getByRole("row", { name: /Berlin Mitte/ }).getByText("operational")).toBeVisible({
      timeout: VERDICT_TIMEOUT,
    });
    await page.getByRole("link", { name: "Reconciliation", exact: true }).last().click();
    await expect(page).toHaveURL(/\/reconciliation/);
    await expect(page.getByRole("alert", { name: "Store status alerts" })).toHaveCount(0);
    // The store's manager watches the status panel itself while the link is cut.
    const berlinManager = await signInAs(browser, "berlin@demo.test", "demo-store-2026");

    await cut(true);
    const banner = page
      .getByRole("alert", { name: "Store status alerts" })
      .filter({ hasText: "Outage at Berlin Mitte" });
    await expect(banner).toBeVisible({ timeout: VERDICT_TIMEOUT });
    await expect(banner).toContainText("all 9 terminals not connected");
    await expect(page).toHaveURL(/\/reconciliation/);
    const link = banner.getByRole("link", { name: "Open the runbook for Berlin Mitte" });
    await expect(link).toHaveAttribute("href", `/runbook/${BERLIN}`);

    await expect(berlinManager.getByRole("alert").filter({ hasText: "Outage at Berlin Mitte" })).toBeVisible();
    // Without a reload, the panel under the banner says the same as the banner.
    await expect(
      berlinManager.getByRole("row", { name: /Berlin Mitte/ }).getByText("outage", { exact: true }),
    ).toBeVisible();
    // Finance has no runbook: its banner leads to the status panel instead of a page it may not open.
    const finance = await signInAs(browser, "finance@demo.test", "demo-finance-2026");
    const financeBanner = finance.getByRole("alert").filter({ hasText: "Outage at Berlin Mitte" });
    await expect(financeBanner.getByRole("link", { name: "Details on the status panel" })).toHaveAttribute(
      "href",
      "/status",
    );
    const hamburgManager = await signInAs(browser, HAMBURG_MANAGER.email, HAMBURG_MANAGER.password);
    await expect(hamburgManager.getByRole("row", { name: /Hamburg Altona/ })).toBeVisible();
    await expect(hamburgManager.getByRole("alert", { name: "Store status alerts" })).toHaveCount(0);
    await expect(hamburgManager.getByText("Berlin Mitte")).toHaveCount(0);
    // Nor the fleet's state: the components that sum up every store are not theirs to see.
    await expect(hamburgManager.getByText(/stores affected/)).toHaveCount(0);

    await cut(false);
    await expect(banner).toHaveCount(0, { timeout: VERDICT_TIMEOUT });
    await expect(page).toHaveURL(/\/reconciliation/);

    await page.goto(`/status?store=${BERLIN}&range=24h`);
    const chart = page.getByRole("table", { name: "Cloud link availability, 24 hours" });
    await expect(
      chart
        .getByRole("cell")
        .filter({ hasNotText: /^100\s?%$/ })
        .first(),
    ).toBeAttached();
    const timeline = page.getByRole("list", { name: "Incidents (last 30 days)" });
    await expect(
      timeline.getByRole("listitem").filter({ hasText: "Berlin Mitte: all 9 terminals not connected" }).first(),
    ).toContainText("ended");
  });

  test("an admin adds an alert webhook: after saving, its URL is shown by its host only", async ({ page }) => {
    await signIn(page, "admin");
    const setup = page.getByRole("region", { name: "Alert webhooks" });
    await setup.getByLabel("Name").fill("Ops chat");
    await setup.getByLabel("Webhook URL").fill("http://127.0.0.1:9/services/T0E2E/B0E2E/e2eSecretToken");
    await setup.getByRole("button", { name: "Add webhook" }).click();
    const item = setup.getByRole("listitem").filter({ hasText: "Ops chat" });
    await expect(item).toContainText("http://127.0.0.1:9/…");
    expect(await page.content()).not.toContain("e2eSecretToken");
    await item.getByRole("button", { name: "Remove" }).click();
    await expect(item).toHaveCount(0);
  });

  test("the status API: scoped per token, validated query parameters, maintenance windows", async () => {
    const admin = createToken("admin", "status e2e admin");
    const status = (await (await api(admin, "GET", "/api/v1/status")).json()) as {
      provider: { state: string; indicator: string | null };
      stores: { storeId: string; state: string }[];
      components: { name: string }[];
    };
    expect(status.stores.map((s) => s.storeId)).toContain(HAMBURG);
    expect(status.components.map((c) => c.name)).toEqual([
      "cloud_link",
      "terminal_api",
      "checkout",
      "management",
      "webhooks",
    ]);

    const bad = await api(admin, "GET", "/api/v1/status/history?bucket=2m");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("VALIDATION");
    expect((await api(admin, "GET", "/api/v1/incidents?from=yesterday")).status).toBe(400);
    expect((await api(admin, "GET", "/api/v1/status?x=1")).status).toBe(400);
    const history = await api(admin, "GET", `/api/v1/status/history?storeId=${HAMBURG}&bucket=5m`);
    expect(history.status).toBe(200);

    const window = {
      storeId: HAMBURG,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 7_200_000).toISOString(),
      reason: "e2e",
    };
    expect(
      (await api(admin, "POST", "/api/v1/maintenance-windows", { ...window, endsAt: window.startsAt })).status,
    ).toBe(400);
    expect((await api(admin, "POST", "/api/v1/maintenance-windows", window)).status).toBe(201);
    // The same store, overlapping: refused by the database's exclusion constraint, with the reason.
    const overlap = await api(admin, "POST", "/api/v1/maintenance-windows", { ...window, reason: "e2e again" });
    expect(overlap.status).toBe(409);
    expect(((await overlap.json()) as { error: { message: string } }).error.message).toMatch(/already covers/);

    const manager = execFileSync(
      process.execPath,
      ["bin/ops.js", "token", "create", "--role", "store_manager", "--store", BERLIN, "--name", "status e2e manager"],
      {
        cwd: path.resolve(import.meta.dirname, ".."),
        env: childEnv({ DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", LOG_LEVEL: "warn" }),
        encoding: "utf8",
      },
    )
      .trim()
      .split("\n")
      .at(-1) as string;
    const mine = (await (await api(manager, "GET", "/api/v1/status")).json()) as {
      stores: { storeId: string }[];
      components: { name: string }[];
    };
    expect(mine.stores.map((s) => s.storeId)).toEqual([BERLIN]);
    expect(mine.components.map((c) => c.name)).toEqual(["checkout", "management"]);
    expect((await api(manager, "GET", `/api/v1/status/history?storeId=${HAMBURG}`)).status).toBe(403);
    expect((await api(manager, "POST", "/api/v1/maintenance-windows", window)).status).toBe(403);
  });
});
