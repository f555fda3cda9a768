// Money typed as people type it and forms that keep what was typed: a German store manager on a phone, finance's
// filters and imports, and a link paid before its POS order arrived.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_STORE_IDS } from "../sim/catalog";
import { E2E_BASE_URL } from "./config";
import { signIn } from "./helpers";
import { api, createToken, sim } from "./support";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function inGerman(page: Page): Promise<void> {
  await page.context().addCookies([{ name: "ops_locale", value: "de", url: E2E_BASE_URL }]);
}

test.describe("on a phone, in German", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("Pay by Link: an ambiguous amount is refused with both readings, values stay, a large one is confirmed", async ({
    page,
  }) => {
    const ref = unique("ORD");
    await signIn(page, "store_manager");
    await inGerman(page);
    await page.goto(`/runbook/${DEMO_STORE_IDS.BERLIN}`);
    const payByLink = page.locator("details", { hasText: "2. Pay by Link" });
    if (!(await payByLink.evaluate((d) => (d as HTMLDetailsElement).open))) await payByLink.locator("summary").click();
    const amount = payByLink.getByLabel("Betrag", { exact: true });
    const reference = payByLink.getByLabel("Kassen-Bestellnummer");

    await amount.fill("1.250");
    await reference.fill(ref);
    await payByLink.getByRole("button", { name: "Link und QR-Code erstellen" }).click();
    // Refused, never guessed: both readings, under the field and in the notice naming the field by its label.
    await expect(payByLink.getByText("Meinten Sie 1.250,00 oder 1,25?").first()).toBeVisible();
    await expect(payByLink.getByRole("alert")).toHaveText("Bitte prüfen: Betrag: Meinten Sie 1.250,00 oder 1,25?");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/Meinten Sie 1\.250,00 oder 1,25\?/);
    await expect(amount).toBeFocused();
    await expect(amount).toHaveValue("1.250");
    await expect(reference).toHaveValue(ref);
    await expect(amount).toHaveAttribute("maxlength", "32");
    await expect(reference).toHaveAttribute("maxlength", "80");

    // Far above the maximum: refused with the limit, the values still there.
    await amount.fill("99999999999");
    await payByLink.getByRole("button", { name: "Link und QR-Code erstellen" }).click();
    await expect(payByLink.getByRole("alert")).toContainText("Höchstens 100.000,00 € pro Link oder Beleg.");
    await expect(reference).toHaveValue(ref);

    // Above the confirmation threshold: the amount big in figures and words first, nothing created yet.
    await amount.fill("1.250,00");
    await payByLink.getByRole("button", { name: "Link und QR-Code erstellen" }).click();
    const confirmation = payByLink.getByRole("group", { name: "Bitte prüfen Sie den Betrag" });
    await expect(confirmation).toContainText("1.250,00 €");
    await expect(confirmation).toContainText("eintausendzweihundertfünfzig Euro");
    await expect(confirmation).toBeFocused();
    await expect(amount).toHaveValue("1.250,00");
    await confirmation.getByRole("button", { name: "Ja, Link über 1.250,00 € erstellen" }).click();
    await expect(page.getByRole("img", { name: /1\.250,00\s€/ })).toBeVisible();
    // A link was made: the form is empty for the next one.
    await expect(amount).toHaveValue("");
    await expect(reference).toHaveValue("");
  });

  test("receipt form: the wrong field is named as labelled, marked and focused, and every value stays", async ({
    page,
  }) => {
    const tender = unique("TND");
    await signIn(page, "store_manager");
    await inGerman(page);
    await page.goto(`/runbook/${DEMO_STORE_IDS.BERLIN}/receipts/new`);
    await page.getByLabel("Betrag", { exact: true }).fill("23,40");
    await page.getByLabel("Tender-Referenz").fill(tender);
    await page.getByLabel("Kartenmarke").fill("visa");
    const last4 = page.getByLabel("Letzte 4 Ziffern");
    await expect(last4).toHaveAttribute("maxlength", "4");
    await last4.fill("12");
    await page.getByRole("button", { name: "Beleg speichern" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Bitte prüfen: Letzte 4 Ziffern: Genau 4 Ziffern.",
    );
    await expect(last4).toHaveAttribute("aria-invalid", "true");
    await expect(last4).toBeFocused();
    await expect(page.getByLabel("Betrag", { exact: true })).toHaveValue("23,40");
    await expect(page.getByLabel("Tender-Referenz")).toHaveValue(tender);
    await expect(page.getByLabel("Kartenmarke")).toHaveValue("visa");

    await last4.fill("1234");
    await page.getByRole("button", { name: "Beleg speichern" }).click();
    await expect(page.getByText("Beleg gespeichert.")).toBeVisible();
    await expect(page.getByLabel("Tender-Referenz")).toHaveValue("");
  });
});

test("reconciliation amount filters are major units: ambiguous and inverted ranges say so, values kept", async ({
  page,
}) => {
  await signIn(page, "finance");
  await page.goto("/reconciliation?amountMin=1%2C250");
  const min = page.getByLabel("Minimum amount");
  await expect(min).toHaveValue("1,250");
  await expect(min).toHaveAttribute("aria-invalid", "true");
  await expect(min).toHaveAccessibleDescription(/Did you mean 1,250\.00 or 1\.25\?/);

  await page.goto("/reconciliation");
  await min.fill("20");
  await page.getByLabel("Maximum amount").fill("10.50");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/amountMin=20&amountMax=10.50/);
  await expect(page.getByText("The maximum is below the minimum: no item can be in this range.")).toBeVisible();
  await expect(page.getByLabel("Maximum amount")).toHaveValue("10.50");
});

test("imports: a JSON file is named as one, columns and a sample are offered, no empty 'valid rows only'", async ({
  page,
}) => {
  await signIn(page, "finance");
  await page.goto("/reconciliation/imports");
  await expect(page.getByText("Needed: merchantReference, storeId, amount, currency, createdAt")).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download a sample file (POS orders)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("orders-sample.csv");

  await page.getByLabel("File (CSV)").setInputFiles({
    name: "orders.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"orders":[{"merchantReference":"A-1"}]}'),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "This is not a CSV file: it is JSON. The POS orders import takes a CSV file",
  );

  await page.getByLabel("File (CSV)").setInputFiles({
    name: "orders.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "merchantReference,storeId,amount,currency,createdAt\nX-1,NO-SUCH-STORE,1.00,EUR,2024-03-14T10:21:03Z\n",
    ),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("No row of this file is valid")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import valid rows only" })).toHaveCount(0);
});

test("a paid link whose POS order has not arrived shows as such, and is matched once it does", async ({ page }) => {
  const admin = createToken("admin", unique("e2e-admin"));
  const ref = unique("ORD");
  const created = await api(
    admin,
    "POST",
    "/api/v1/payment-links",
    {
      storeId: DEMO_STORE_IDS.BERLIN,
      reference: ref,
      amount: { value: 3150, currency: "EUR" },
    },
    { "idempotency-key": randomUUID() },
  );
  expect(created.status, await created.clone().text()).toBe(201);
  const link = (await created.json()) as { adyenId: string };
  await sim(`/_sim/payment-links/${link.adyenId}/payments`, { outcome: "authorised" });

  await signIn(page, "finance");
  const row = page.getByRole("table", { name: "Reconciliation items" }).getByRole("row").filter({ hasText: ref });
  await expect
    .poll(
      async () => {
        await page.goto(`/reconciliation?q=${encodeURIComponent(ref)}`);
        return (await row.count()) > 0 ? row.textContent() : "";
      },
      { message: "the link's payment is listed", timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toContain("paid by link, POS order not yet received");
  await expect(row).not.toContainText("unexpected");

  const order = await api(admin, "POST", "/api/v1/orders", {
    orders: [
      {
        merchantReference: ref,
        storeId: DEMO_STORE_IDS.BERLIN,
        amount: { value: 3150, currency: "EUR" },
        createdAt: new Date().toISOString(),
      },
    ],
  });
  expect(order.status, await order.clone().text()).toBeLessThan(300);
  await expect
    .poll(
      async () => {
        await page.goto(`/reconciliation?q=${encodeURIComponent(ref)}`);
        return row.textContent();
      },
      { message: "the order is matched by the link", timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toContain("matched");
  await expect(row).toContainText("Payment link");
});
