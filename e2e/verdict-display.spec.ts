// One truth on one screen: while a store's link is cut and comes back, every part of an open page (the banner, the
// status panel's row and its terminal count, the runbook's verdict and advice) says the same thing at every moment;
// durations count up in the browser from when the trouble began; reasons read in the reader's language; and a
// store whose link flapped says, once it is back, that payments through the POS work again.
// Amsterdam is cut here and nowhere else: its second cut within minutes makes it flap on purpose.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_STORE_IDS } from "../sim/catalog";
import { E2E_BASE_URL } from "./config";
import { signIn } from "./helpers";
import { sim } from "./support";

const STORE = "Amsterdam Centrum";
const { AMSTERDAM } = DEMO_STORE_IDS;
// Detection takes two failing probe cycles plus a banner poll; recovery two good cycles plus a poll.
const VERDICT_TIMEOUT = 45_000;

const cut = (active: boolean) => sim("/_sim/outages", { storeId: AMSTERDAM, active });

/**
 * Records, at every change of the page (a MutationObserver sees each commit before it is painted), whether the
 * banner and the rest of the page disagree about the store.
 */
async function watchForContradictions(page: Page): Promise<void> {
  await page.evaluate((store) => {
    const found: string[] = [];
    (window as unknown as { contradictions: string[] }).contradictions = found;
    const check = () => {
      const banner = document.querySelector("[aria-label='Store status alerts']")?.textContent ?? "";
      const bannerSays = banner.includes(`Outage at ${store}`)
        ? "outage"
        : banner.includes(`${store} is degraded`)
          ? "degraded"
          : "fine";
      let pageSays: string | null = null;
      const row = [...document.querySelectorAll("table tr")].find((tr) => tr.textContent?.includes(store));
      if (row) {
        const cells = [...row.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "");
        pageSays = cells[1] === "outage" || cells[1] === "degraded" ? cells[1] : "fine";
        const [connected, total] = (cells[4] ?? "").split(" of ").map(Number);
        if (cells[1] === "operational" && connected === 0) found.push(`row: operational with ${cells[4]} connected`);
        if (cells[1] === "outage" && connected === total) found.push(`row: outage with ${cells[4]} connected`);
      }
      const verdict = document.querySelector("main header h1 ~ p")?.firstElementChild?.textContent?.trim();
      if (verdict)
        pageSays = verdict.includes("Outage") ? "outage" : verdict.includes("Degraded") ? "degraded" : "fine";
      const advice = document.querySelector("#reco-title")?.textContent ?? "";
      if (verdict && verdict.includes("Operational") && /^Switch|^Take payments with/.test(advice))
        found.push(`runbook: operational but advises "${advice}"`);
      if (pageSays !== null && pageSays !== bannerSays) found.push(`banner says ${bannerSays}, page says ${pageSays}`);
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, STORE);
}

const contradictions = (page: Page) =>
  page.evaluate(() => (window as unknown as { contradictions: string[] }).contradictions);

/** The seconds in "… for 23 s" of the banner's line for the store. */
async function bannerSeconds(page: Page): Promise<number> {
  const text = await page.getByRole("alert", { name: "Store status alerts" }).filter({ hasText: STORE }).innerText();
  return Number(/for (\d+) s/.exec(text)?.[1] ?? NaN);
}

test.describe.serial("one truth on one screen", () => {
  test.afterAll(async () => {
    await cut(false);
  });

  test("while a link is cut and back, banner, status row, terminal count and runbook agree at every moment", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, "admin");
    await page.goto("/status");
    const row = page.getByRole("row", { name: new RegExp(STORE) });
    await expect(row.getByText("operational", { exact: true })).toBeVisible({ timeout: VERDICT_TIMEOUT });
    const runbook = await browser.newPage();
    await signIn(runbook, "admin");
    await runbook.goto(`/runbook/${AMSTERDAM}`);
    await expect(runbook.locator("#reco-title")).toHaveText(/^Payments through the POS work right now/);
    await watchForContradictions(page);
    await watchForContradictions(runbook);

    await cut(true);
    const banner = page.getByRole("alert", { name: "Store status alerts" }).filter({ hasText: `Outage at ${STORE}` });
    await expect(banner).toBeVisible({ timeout: VERDICT_TIMEOUT });
    await expect(row.getByText("outage", { exact: true })).toBeVisible();
    await expect(row.getByRole("cell").nth(4)).toHaveText(/^0 of \d+$/);
    await expect(runbook.locator("#reco-title")).toHaveText(/^(Switch the ready terminals|Take payments with)/, {
      timeout: VERDICT_TIMEOUT,
    });
    expect(await contradictions(page)).toEqual([]);
    expect(await contradictions(runbook)).toEqual([]);

    // With no new word from the server, the duration still counts up, and the banner and the runbook's verdict
    // say the same number at the same moment.
    await runbook.route("**/api/status/banner", (route) => route.abort());
    const first = await bannerSeconds(runbook);
    await expect.poll(() => bannerSeconds(runbook), { timeout: 10_000 }).toBeGreaterThan(first);
    const both = await runbook.evaluate((store) => {
      const alert = document.querySelector("[aria-label='Store status alerts']")?.textContent ?? "";
      const line = document.querySelector("main header h1 ~ p")?.textContent ?? "";
      const seconds = (s: string) => /for (\d+ s)/.exec(s)?.[1] ?? null;
      return { banner: alert.includes(store) ? seconds(alert) : null, verdict: seconds(line) };
    }, STORE);
    expect(both.banner).not.toBeNull();
    expect(both.verdict).toBe(both.banner);
    await runbook.unroute("**/api/status/banner");

    await cut(false);
    await expect(banner).toHaveCount(0, { timeout: VERDICT_TIMEOUT });
    await expect(row.getByText("operational", { exact: true })).toBeVisible({ timeout: VERDICT_TIMEOUT });
    await expect(runbook.locator("#reco-title")).toHaveText(/^Payments through the POS work right now/, {
      timeout: VERDICT_TIMEOUT,
    });
    expect(await contradictions(page)).toEqual([]);
    expect(await contradictions(runbook)).toEqual([]);
  });

  test("reasons read in the reader's language", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin");
    await page.context().addCookies([{ name: "ops_locale", value: "de", url: E2E_BASE_URL }]);
    await page.goto("/status");
    const row = page.getByRole("row", { name: new RegExp(STORE) });
    await expect(row).toContainText(/alle \d+ Terminals verbunden/, { timeout: VERDICT_TIMEOUT });
    await expect(row).not.toContainText("terminals connected");
  });

  test("after a link flapped and came back, the store says payments work again, without red advice", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, "admin");
    await page.goto(`/runbook/${AMSTERDAM}`);
    // The second cut within minutes: out and back again makes four changes within ten minutes.
    await cut(true);
    const alert = page.getByRole("alert", { name: "Store status alerts" }).filter({ hasText: `Outage at ${STORE}` });
    await expect(alert).toBeVisible({ timeout: VERDICT_TIMEOUT });
    await cut(false);
    const notice = page.getByRole("status", { name: "Store status notices" });
    await expect(notice).toContainText(`${STORE}: payments through the POS work again.`, { timeout: VERDICT_TIMEOUT });
    await expect(notice).toContainText("connected again, watching for 5 min because the link was unstable");
    await expect(alert).toHaveCount(0);
    await expect(page.locator("#reco-title")).toHaveText("Payments through the POS work again", {
      timeout: VERDICT_TIMEOUT,
    });
    await expect(page.getByText(/Switch the ready terminals/)).toHaveCount(0);
    await expect(page.locator("main header")).toContainText("Connected again");

    await page.context().addCookies([{ name: "ops_locale", value: "de", url: E2E_BASE_URL }]);
    await page.reload();
    await expect(page.locator("#reco-title")).toHaveText("Zahlungen über die Kasse funktionieren wieder");
    await expect(page.getByRole("status", { name: "Statushinweise der Filialen" })).toContainText(
      "wieder verbunden; wir beobachten die Verbindung 5 Min. lang",
    );
  });
});
