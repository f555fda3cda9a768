// Small things a person notices on the way: where sign-in lands, a sidebar that keeps words whole, a store picker
// of checkboxes, the detail panel closing on Escape, a payment link's page that says what is true of it, and the
// store-wide standalone switch offered where a manager looks for it, with one answer however often it is used.
import { randomUUID } from "node:crypto";
import { expect, test, type Locator } from "@playwright/test";
import { ROLES } from "../lib/auth/roles";
import { DEMO_STORE_IDS } from "../sim/catalog";
import { E2E_BASE_URL } from "./config";
import { LANDING, signIn } from "./helpers";
import { api, createToken } from "./support";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

for (const role of ROLES) {
  test(`${role} lands on the role's main page after signing in`, async ({ page }) => {
    await signIn(page, role);
    await expect(page).toHaveURL(LANDING[role]);
  });
}

/** Words (hyphenated parts count apart) whose letters sit on more than one line. */
async function brokenWords(area: Locator): Promise<string[]> {
  return area.evaluate((root) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const m of text.matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}

test("the sidebar keeps 'Admin', e-mail addresses and every other word whole, in English and German", async ({
  page,
}) => {
  await signIn(page, "admin");
  const sidebar = page.locator("header > div").last();
  await expect(sidebar).toContainText("admin@demo.test");
  expect(await brokenWords(sidebar)).toEqual([]);
  await page.context().addCookies([{ name: "ops_locale", value: "de", url: E2E_BASE_URL }]);
  await page.reload();
  await expect(sidebar).toContainText("Angemeldet als");
  expect(await brokenWords(sidebar)).toEqual([]);
});

test("an admin picks a manager's stores with checkboxes", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  const email = `${unique("two-stores")}@demo.test`;
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create user" }) });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel(/^Password/).fill("two-stores-e2e-2026");
  await form.getByLabel("Role", { exact: true }).selectOption("store_manager");
  const stores = form.getByRole("group", { name: "Stores (store managers only)" });
  await stores.getByRole("checkbox", { name: "Berlin Mitte" }).check();
  await stores.getByRole("checkbox", { name: "Hamburg Altona" }).check();
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText(`${email}`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Berlin Mitte, Hamburg Altona");
  const tokens = page.getByRole("region", { name: "API tokens" });
  await expect(tokens.getByRole("group", { name: "Stores (store managers only)" }).getByRole("checkbox")).toHaveCount(
    4,
  );
});

test("the reconciliation detail panel closes on Escape", async ({ page }) => {
  await signIn(page, "finance");
  await page.goto("/reconciliation");
  const table = page.getByRole("table", { name: "Reconciliation items" });
  const first = table.getByRole("row").nth(1).getByRole("link").first();
  const name = (await first.textContent())?.trim() ?? "";
  await first.click();
  const panel = page.getByRole("region", { name: `Item ${name}` });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/item=/);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/item=/);
});

test("a payment link's page names its store, and an expired link does not say when it expires", async ({ page }) => {
  const admin = createToken("admin", unique("e2e-links"));
  const created = await api(
    admin,
    "POST",
    "/api/v1/payment-links",
    {
      storeId: DEMO_STORE_IDS.BERLIN,
      reference: unique("EXP"),
      amount: { value: 990, currency: "EUR" },
    },
    { "idempotency-key": randomUUID() },
  );
  expect(created.status, await created.clone().text()).toBe(201);
  const link = (await created.json()) as { id: string };
  expect((await api(admin, "POST", `/api/v1/payment-links/${link.id}/expire`)).status).toBeLessThan(300);
  await signIn(page, "admin");
  await page.goto(`/payment-links/${link.id}`);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Berlin Mitte");
  await expect(details).not.toContainText(DEMO_STORE_IDS.BERLIN);
  await expect(page.getByText("Expired: the customer can no longer pay with this link.")).toBeVisible();
  await expect(page.getByText(/^Expires /)).toHaveCount(0);

  await page.goto("/payment-links");
  const status = page.getByRole("combobox", { name: "Status" });
  await expect(status.getByRole("option", { name: "Paid", exact: true })).toHaveCount(1);
});

async function switchStore(area: Locator, on: boolean): Promise<void> {
  await area.getByRole("button", { name: `Switch standalone ${on ? "on" : "off"} for Amsterdam Centrum` }).click();
  await area.getByRole("button", { name: on ? "Yes, switch on" : "Yes, switch off" }).click();
  // "Done. Standalone is on for …", or which terminals keep their own setting.
  await expect(area.getByText(/^Done\./)).toBeVisible();
}

test("the store-wide standalone switch is on the store's runbook and rows, and answers once", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto(`/runbook/${DEMO_STORE_IDS.AMSTERDAM}`);
  const standalone = page.locator("details", { hasText: "1. Standalone mode on the terminal" });
  if (!(await standalone.evaluate((d) => (d as HTMLDetailsElement).open))) await standalone.locator("summary").click();
  await switchStore(standalone, true);

  // From any row of the store in the terminal list to the store's own list, where the switch is.
  await page.goto("/terminals");
  await page.getByRole("table", { name: "Terminals" }).getByRole("link", { name: "Amsterdam Centrum" }).first().click();
  await expect(page).toHaveURL(new RegExp(`storeId=${DEMO_STORE_IDS.AMSTERDAM}`));
  const card = page.getByRole("region", { name: /Amsterdam Centrum/ }).filter({ hasText: "Switch standalone" });
  await switchStore(card, true);
  await switchStore(card, false);
  await expect(card.getByText(/^Done\./)).toHaveCount(1);
});
