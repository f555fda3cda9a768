// axe-core over every page of the dashboard, with data on it (a payment link, an analysis with findings, an open
// reconciliation item), as the roles that use them; the sign-in, 403 and 404 pages too. Serious and critical
// findings fail the test (see e2e/axe.ts), each named with the elements it found.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_STORE_IDS } from "../sim/catalog";
import { E2E_BASE_URL } from "./config";
import { axeFindings } from "./axe";
import { signIn } from "./helpers";
import { api, createToken } from "./support";

const { BERLIN } = DEMO_STORE_IDS;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function audit(
  page: Page,
  url: string,
  findings: Record<string, string[]>,
  ready?: () => Promise<void>,
  label = url,
) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  if (ready) await ready();
  const found = await axeFindings(page);
  if (found.length > 0) findings[label] = found;
}

/** Data on every page (a payment link, an analysis with findings, an open reconciliation item); its pages. */
async function pagesWithData() {
  const admin = createToken("admin", unique("e2e-axe-admin"));
  const ref = unique("AXE");
  const order = await api(admin, "POST", "/api/v1/orders", {
    orders: [
      {
        merchantReference: ref,
        storeId: BERLIN,
        amount: { value: 1250, currency: "EUR" },
        createdAt: new Date().toISOString(),
      },
    ],
  });
  expect(order.status, await order.clone().text()).toBeLessThan(300);
  const created = await api(
    admin,
    "POST",
    "/api/v1/payment-links",
    {
      storeId: BERLIN,
      reference: unique("AXE-LINK"),
      amount: { value: 1250, currency: "EUR" },
    },
    { "idempotency-key": randomUUID() },
  );
  expect(created.status, await created.clone().text()).toBe(201);
  const link = (await created.json()) as { id: string };
  const engineering = createToken("engineering", unique("e2e-axe-eng"));
  const line = (key: string | null) =>
    JSON.stringify({
      time: "2026-01-06T09:00:00Z",
      method: "POST",
      url: "https://checkout-test.adyen.com/v71/payments",
      requestHeaders: key ? { "Idempotency-Key": key } : { Pragma: "process-retry" },
      requestBody: { merchantAccount: "DemoMerchantPOS", reference: unique("AXE") },
      status: 200,
    });
  const analysis = await fetch(`${E2E_BASE_URL}/api/v1/idempotency/analyses?fileName=axe.ndjson&source=e2e-axe`, {
    method: "POST",
    headers: { authorization: `Bearer ${engineering}` },
    body: `${line(null)}\n${line("order-17")}\n`,
  });
  expect(analysis.status, await analysis.clone().text()).toBe(201);
  return { ref, urls: dashboardPages(link.id) };
}

const dashboardPages = (linkId: string) => [
  "/status",
  "/runbook",
  `/runbook/${BERLIN}`,
  `/runbook/${BERLIN}/receipts/new`,
  "/terminals",
  "/payment-links",
  `/payment-links/${linkId}`,
  "/reconciliation",
  "/reconciliation/imports",
  "/idempotency",
  "/admin",
  "/no-such-page",
];

test("no page has a serious or critical accessibility finding", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const findings: Record<string, string[]> = {};
  const { ref, urls } = await pagesWithData();
  await audit(page, "/login", findings);
  await signIn(page, "admin");
  for (const url of urls) await audit(page, url, findings);
  await audit(page, `/reconciliation?q=${ref}`, findings, async () => {
    await page.getByRole("table", { name: "Reconciliation items" }).getByRole("link", { name: ref }).click();
    await expect(page.getByRole("heading", { name: new RegExp(ref) })).toBeFocused();
  });

  // The 403 page, as finance opening the admin page.
  const finance = await (await browser.newContext()).newPage();
  await signIn(finance, "finance");
  await audit(finance, "/admin", findings, undefined, "/admin as finance (403)");

  expect(findings).toEqual({});
});

test("no page is wider than a 390 px phone", async ({ page }) => {
  test.setTimeout(180_000);
  const { urls } = await pagesWithData();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "admin");
  const wider: Record<string, number> = {};
  for (const url of urls) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    // Tables may scroll inside their own frame; the page itself must not scroll sideways.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wider[url] = width;
  }
  expect(wider).toEqual({});
});
