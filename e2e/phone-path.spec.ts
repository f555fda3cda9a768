// The short phone path: a store manager at the till, on a 390 px phone, in German, during an outage. From the
// banner to a QR code the customer can scan takes at most three taps plus typing, and nothing the manager taps or
// types into is ever outside the screen (no scrolling). Hamburg is cut here and nowhere else.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { childEnv } from "../lib/env";
import { DEMO_STORE_IDS } from "../sim/catalog";
import { E2E_BASE_URL, E2E_DATA_DIR } from "./config";
import { sim } from "./support";

const { HAMBURG } = DEMO_STORE_IDS;
const MANAGER = { email: "hamburg-phone@demo.test", password: "hamburg-phone-2026" };
const VERDICT_TIMEOUT = 45_000;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

function createManager(): void {
  execFileSync(
    process.execPath,
    ["bin/ops.js", "user", "create", "--email", MANAGER.email, "--role", "store_manager", "--store", HAMBURG],
    {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: childEnv({ DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", LOG_LEVEL: "warn", OPS_PASSWORD: MANAGER.password }),
      encoding: "utf8",
    },
  );
}

async function signInInGerman(page: Page): Promise<void> {
  await page.context().addCookies([{ name: "ops_locale", value: "de", url: E2E_BASE_URL }]);
  await page.goto("/login");
  await page.getByLabel("E-Mail").fill(MANAGER.email);
  await page.getByLabel("Passwort").fill(MANAGER.password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Taps and fields, each checked to be on the screen already: the manager never has to scroll to reach one. */
function counter(page: Page) {
  let taps = 0;
  return {
    tap: async (target: Locator) => {
      await expect(target).toBeInViewport();
      await target.tap();
      taps++;
    },
    type: async (field: Locator, text: string) => {
      await expect(field).toBeInViewport();
      await field.fill(text);
    },
    taps: () => taps,
    page,
  };
}

async function linkToQr(c: ReturnType<typeof counter>, amount: string): Promise<void> {
  const form = c.page.locator("#pay-by-link");
  await c.type(form.getByLabel("Betrag"), amount);
  await c.type(form.getByLabel("Kassen-Bestellnummer"), unique("TILL"));
  await c.tap(form.getByRole("button", { name: "Link und QR-Code erstellen" }));
  await expect(c.page.getByRole("img", { name: `QR-Code des Zahlungslinks über ${amount} €` })).toBeInViewport();
}

test.describe("a store manager on a phone during an outage", () => {
  test.afterAll(async () => {
    await sim("/_sim/outages", { storeId: HAMBURG, active: false });
  });

  test("takes a payment by link from the banner in three taps or fewer, without scrolling", async ({ page }) => {
    test.setTimeout(180_000);
    createManager();
    await signInInGerman(page);
    await sim("/_sim/outages", { storeId: HAMBURG, active: true });
    await page.goto("/status");
    const banner = page.getByRole("alert", { name: "Statuswarnungen der Filialen" });
    await expect(banner).toContainText("Ausfall in Hamburg Altona", { timeout: VERDICT_TIMEOUT });

    // Straight from the banner: the form is open and in view, the amount field focused.
    const direct = counter(page);
    await direct.tap(banner.getByRole("link", { name: "Zahlung per Link annehmen in Hamburg Altona" }));
    await expect(page).toHaveURL(new RegExp(`/runbook/${HAMBURG}\\?take=link`));
    await expect(page.locator("#pay-by-link").getByLabel("Betrag")).toBeFocused();
    await linkToQr(direct, "45,99");
    expect(direct.taps()).toBeLessThanOrEqual(3);

    // Through the runbook: it opens on its heading, and its first screen offers the form whatever it recommends.
    await page.goto("/status");
    const viaRunbook = counter(page);
    await viaRunbook.tap(banner.getByRole("link", { name: "Notfallplan für Hamburg Altona öffnen" }));
    await expect(page.getByRole("heading", { level: 1, name: /Hamburg Altona/ })).toBeFocused();
    await viaRunbook.tap(page.getByRole("main").getByRole("button", { name: "Zahlung per Link annehmen" }));
    await linkToQr(viaRunbook, "12,50");
    expect(viaRunbook.taps()).toBeLessThanOrEqual(3);

    await sim("/_sim/outages", { storeId: HAMBURG, active: false });
    await expect(banner).toHaveCount(0, { timeout: VERDICT_TIMEOUT });
  });

  test("the terminals table keeps 'ready for standalone' in view while it scrolls sideways", async ({ page }) => {
    await signInInGerman(page);
    await page.goto("/terminals");
    const table = page.getByRole("table", { name: "Terminals" });
    const ready = table.getByRole("columnheader", { name: "Bereit für Standalone" });
    await expect(ready).toBeInViewport();
    const region = page.getByRole("group", { name: "Terminals" });
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expect(ready).toBeInViewport();
    await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toBeInViewport();
  });
});
