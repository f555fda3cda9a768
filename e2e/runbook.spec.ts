import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { childEnv } from "../lib/env";
import { DEMO_STORE_IDS } from "../sim/catalog";
import { E2E_DATA_DIR } from "./config";
import { signIn } from "./helpers";
import { api, createToken, sim } from "./support";

// The outage is played in München with a manager of its own: the status tests cut Berlin, and the same store cut
// twice within minutes would count as flapping there.
const MUENCHEN_MANAGER = { email: "muenchen-e2e@demo.test", password: "muenchen-e2e-2026" };

function createMuenchenManager(): void {
  execFileSync(
    process.execPath,
    [
      "bin/ops.js",
      "user",
      "create",
      "--email",
      MUENCHEN_MANAGER.email,
      "--role",
      "store_manager",
      "--store",
      DEMO_STORE_IDS.MUENCHEN,
    ],
    {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: childEnv({
        DATA_DIR: E2E_DATA_DIR,
        DATABASE_URL: "",
        LOG_LEVEL: "warn",
        OPS_PASSWORD: MUENCHEN_MANAGER.password,
      }),
      encoding: "utf8",
    },
  );
}

async function signInAs(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/status");
}

// A store manager at the till on a phone.
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function placeOrder(token: string, ref: string, value: number, storeId: string, at = new Date()): Promise<void> {
  const res = await api(token, "POST", "/api/v1/orders", {
    orders: [{ merchantReference: ref, storeId, amount: { value, currency: "EUR" }, createdAt: at.toISOString() }],
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

async function reconciliationRow(page: Page, ref: string) {
  await page.goto(`/reconciliation?q=${encodeURIComponent(ref)}`);
  return page.getByRole("table", { name: "Reconciliation items" }).getByRole("row").filter({ hasText: ref });
}

test("during an outage a store manager goes from the banner to a paid link in three clicks, and the order is matched", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const finance = createToken("finance", unique("e2e-finance"));
  const admin = createToken("admin", unique("e2e-admin"));
  const ref = unique("POS");
  await placeOrder(finance, ref, 4599, DEMO_STORE_IDS.MUENCHEN);
  createMuenchenManager();
  await signInAs(page, MUENCHEN_MANAGER);
  let clicks = 0;
  try {
    // The simulator cuts the München store's cloud link: the till can no longer reach its terminals.
    await sim("/_sim/outages", { storeId: DEMO_STORE_IDS.MUENCHEN, active: true });
    const banner = page.getByRole("alert", { name: "Store status alerts" }).filter({ hasText: "München Maxvorstadt" });
    await expect(banner).toBeVisible({ timeout: 60_000 });
    await banner.getByRole("link", { name: "Open the runbook for München Maxvorstadt" }).click();
    clicks++;
    await expect(page).toHaveURL(new RegExp(`/runbook/${DEMO_STORE_IDS.MUENCHEN}$`));
    // The runbook knows what the status panel knows and acts on it.
    await expect(page.locator("#reco-title")).toHaveText(/^(Switch the ready terminals|Take payments with)/);
    await expect(page.locator("section[aria-labelledby=reco-title]")).toContainText("Pay by Link");

    const payByLink = page.locator("details", { hasText: "2. Pay by Link" });
    if (!(await payByLink.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await payByLink.locator("summary").click();
      clicks++;
    }
    await payByLink.getByLabel("Amount").fill("45,99");
    await payByLink.getByLabel("POS order number").fill(ref);
    await payByLink.getByRole("button", { name: "Create link and QR code" }).click();
    clicks++;
    await expect(page.getByRole("img", { name: "QR code of the payment link for €45.99" })).toBeVisible();
    expect(clicks).toBeLessThanOrEqual(3);
    const url = (await page.getByTestId("link-url").textContent()) ?? "";
    expect(url).toMatch(/\/payByLink\//);

    // The customer scans the code and pays on the simulator's payment page.
    const shopper = await browser.newPage();
    await shopper.goto(url);
    await shopper.getByRole("button", { name: /^Pay / }).click();
    await expect(shopper.getByRole("status")).toHaveText("Payment successful. Thank you!");
    await shopper.close();

    // The manager's screen turns to paid by itself (webhook → link status), no reload.
    await expect(page.getByText("Paid: €45.99")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: "Status:" })).toContainText("Paid");

    // The manager confirms the outage the status panel proposes: it starts when the verdict went bad.
    await page.getByRole("button", { name: "Confirm this outage" }).click();
    await expect(page.getByText(/confirmed from the status panel/)).toBeVisible();
  } finally {
    await sim("/_sim/outages", { storeId: DEMO_STORE_IDS.MUENCHEN, active: false });
  }
  // Once the store is operational again the window closes by itself.
  await expect
    .poll(
      async () => {
        const res = await api(admin, "GET", `/api/v1/outages?storeId=${DEMO_STORE_IDS.MUENCHEN}`);
        const body = (await res.json()) as { items: { source: string; endsAt: string | null }[] };
        return body.items.find((o) => o.source === "status")?.endsAt ?? null;
      },
      { message: "the confirmed outage closes on recovery", timeout: 120_000, intervals: [2_000, 5_000] },
    )
    .not.toBeNull();

  // Finance finds the POS order matched to the link's payment.
  await page.context().clearCookies();
  await signIn(page, "finance");
  await expect
    .poll(async () => (await reconciliationRow(page, ref)).textContent(), {
      timeout: 30_000,
      intervals: [500, 1000, 2000],
    })
    .toContain("matched");
  await expect(await reconciliationRow(page, ref)).toContainText("Payment link");
});

test("an admin switches standalone on for a store and the terminal list shows it", async ({ page }) => {
  const admin = createToken("admin", unique("e2e-admin"));
  await expect
    .poll(
      async () => ((await (await api(admin, "GET", "/api/v1/terminals")).json()) as { items: unknown[] }).items.length,
      {
        message: "the terminal sync ran",
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(0);
  await signIn(page, "admin");
  await page.goto(`/terminals?storeId=${DEMO_STORE_IDS.HAMBURG}`);
  const table = page.getByRole("table", { name: "Terminals" });
  const rows = table.getByRole("row").filter({ hasText: "Hamburg Altona" });
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  await expect(rows.filter({ hasText: "Off" })).not.toHaveCount(0);

  await page.getByRole("button", { name: "Switch standalone on for Hamburg Altona" }).click();
  await page.getByRole("button", { name: "Yes, switch on" }).click();
  await expect(page.getByText(/^Done\./)).toBeVisible();
  await expect(rows.filter({ hasText: "On EUR" })).toHaveCount(count);
  await expect(rows.filter({ hasText: "set at store level" })).toHaveCount(count);

  // The API says the same, and the printer terminals are now ready for standalone.
  const res = await api(admin, "GET", `/api/v1/terminals?storeId=${DEMO_STORE_IDS.HAMBURG}&readyForStandalone=true`);
  const body = (await res.json()) as {
    items: { printer: boolean; standalone: { enabled: boolean; level: string } }[];
    syncedAt: string;
  };
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.every((t) => t.printer && t.standalone.enabled)).toBe(true);
  expect(body.syncedAt).not.toBeNull();
});

test("a receipt entered on the phone form appears as evidence for the order", async ({ page }) => {
  const finance = createToken("finance", unique("e2e-finance"));
  const ref = unique("TILL");
  const tender = unique("TND");
  await placeOrder(finance, ref, 23117, DEMO_STORE_IDS.BERLIN, new Date(Date.now() - 3 * 60_000));

  await signIn(page, "store_manager");
  await page.goto(`/runbook/${DEMO_STORE_IDS.BERLIN}/receipts/new`);
  await page.getByLabel("Amount").fill("231,17");
  await page.getByLabel("Terminal").selectOption("V400m-346403294");
  await page.getByLabel("Tender reference").fill(tender);
  await page.getByLabel("Card brand").fill("visa");
  await page.getByLabel("Last 4 digits").fill("4242");
  await page.getByRole("button", { name: "Save receipt" }).click();
  await expect(page.getByText("Receipt saved.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Receipts entered today" })).toContainText("€231.17");

  // Entering it again changes nothing.
  await page.getByLabel("Amount").fill("231,17");
  await page.getByLabel("Terminal").selectOption("V400m-346403294");
  await page.getByLabel("Tender reference").fill(tender);
  await page.getByRole("button", { name: "Save receipt" }).click();
  await expect(page.getByText("This receipt was already entered; nothing changed.")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, "finance");
  await expect
    .poll(async () => (await reconciliationRow(page, ref)).textContent(), {
      timeout: 30_000,
      intervals: [500, 1000, 2000],
    })
    .toMatch(/matched|suggested/);
  const row = await reconciliationRow(page, ref);
  await row.getByRole("link", { name: ref }).click();
  const panel = page.getByRole("region", { name: `Item ${ref}` }).or(page.getByRole("dialog", { name: `Item ${ref}` }));
  await expect(panel).toContainText(tender);
});
