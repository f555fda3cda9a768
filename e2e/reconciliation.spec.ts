import { expect, test } from "@playwright/test";
import { DEMO_STORE_IDS } from "../sim/catalog";
import { signIn } from "./helpers";
import { api, createToken, runtime, sim } from "./support";

// Each test makes its own orders with unique references, so the suite never depends on what ran before.
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function poll<T>(fn: () => Promise<T | undefined>, what: string): Promise<T> {
  let value: T | undefined;
  await expect
    .poll(async () => (value = await fn()) !== undefined, {
      message: what,
      timeout: 30_000,
      intervals: [250, 500, 1000],
    })
    .toBe(true);
  return value as T;
}

test("a paid link's signed webhook from the simulator matches the POS order", async ({ page }) => {
  const token = createToken("finance", unique("e2e-finance"));
  const ref = unique("POS");
  const created = await api(token, "POST", "/api/v1/orders", {
    orders: [
      {
        merchantReference: ref,
        storeId: DEMO_STORE_IDS.HAMBURG,
        amount: { value: 4599, currency: "EUR" },
        createdAt: new Date().toISOString(),
      },
    ],
  });
  expect(created.status, await created.clone().text()).toBeLessThan(300);

  // The shopper pays a link for that order in the simulator; it signs and delivers the AUTHORISATION webhook.
  const { simApiKey } = runtime();
  const link = (await sim(
    "/v72/paymentLinks",
    { amount: { value: 4599, currency: "EUR" }, merchantAccount: "DemoMerchantPOS", reference: ref },
    { "x-api-key": simApiKey },
  )) as { id: string };
  const paid = (await sim(`/_sim/payment-links/${link.id}/payments`, { outcome: "authorised" })) as {
    pspReference?: string;
  };

  const item = await poll(async () => {
    const res = await api(token, "GET", `/api/v1/reconciliation?q=${encodeURIComponent(ref)}`);
    const body = (await res.json()) as { items: { merchantReference: string; status: string; method: string }[] };
    return body.items.find((i) => i.merchantReference === ref && i.status === "matched");
  }, "the order becomes matched");
  expect(item.method).toBe("merchant_reference");

  if (paid.pspReference) {
    const events = (await (
      await api(token, "GET", `/api/v1/payment-events?pspReference=${paid.pspReference}`)
    ).json()) as { items: { eventCode: string; merchantReference: string }[] };
    expect(events.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ eventCode: "AUTHORISATION", merchantReference: ref })]),
    );
  }

  await signIn(page, "finance");
  await page.goto(`/reconciliation?q=${encodeURIComponent(ref)}`);
  const row = page.getByRole("table", { name: "Reconciliation items" }).getByRole("row").filter({ hasText: ref });
  await expect(row).toContainText("matched");
});

test("a standalone payment and its receipt are suggested, and finance confirms the match", async ({ page }) => {
  const token = createToken("admin", unique("e2e-admin"));
  const ref = unique("TILL");
  const orderedAt = new Date(Date.now() - 6 * 60_000);
  // The till rang up the sale but the cloud link was down: no terminal on the order, paid in standalone mode later.
  const created = await api(token, "POST", "/api/v1/orders", {
    orders: [
      {
        merchantReference: ref,
        storeId: DEMO_STORE_IDS.BERLIN,
        amount: { value: 1237, currency: "EUR" },
        createdAt: orderedAt.toISOString(),
      },
    ],
  });
  expect(created.status, await created.clone().text()).toBeLessThan(300);
  const catalog = (await sim("/_sim/catalog")) as {
    terminals: { id: string; storeId: string | null; status: string; model: string }[];
  };
  const receipt = await poll(async () => {
    for (const t of catalog.terminals.filter((x) => x.storeId === DEMO_STORE_IDS.BERLIN && x.status === "boarded")) {
      const res = await fetch(`${runtime().simUrl}/_sim/standalone-payments`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ terminalId: t.id, amount: { value: 1237, currency: "EUR" } }),
      });
      if (res.ok) return (await res.json()) as { pspReference: string; terminalId: string; tenderReference?: string };
    }
    return undefined;
  }, "a Berlin terminal takes a standalone payment");

  // Staff type in the merchant receipt the terminal printed.
  const saved = await api(token, "POST", "/api/v1/receipts", {
    receipts: [
      {
        storeId: DEMO_STORE_IDS.BERLIN,
        terminalId: receipt.terminalId,
        amount: { value: 1237, currency: "EUR" },
        transactedAt: new Date().toISOString(),
        pspReference: receipt.pspReference,
      },
    ],
  });
  expect(saved.status, await saved.clone().text()).toBeLessThan(300);

  await poll(async () => {
    const res = await api(token, "GET", `/api/v1/reconciliation?q=${encodeURIComponent(ref)}`);
    const body = (await res.json()) as { items: { merchantReference: string; status: string }[] };
    return body.items.find((i) => i.merchantReference === ref && i.status === "suggested");
  }, "the order gets a suggestion");

  await signIn(page, "finance");
  await page.goto(`/reconciliation?q=${encodeURIComponent(ref)}`);
  const table = page.getByRole("table", { name: "Reconciliation items" });
  await table.getByRole("row").filter({ hasText: ref }).getByRole("link", { name: ref }).click();
  const panel = page.getByRole("region", { name: `Item ${ref}` }).or(page.getByRole("dialog", { name: `Item ${ref}` }));
  await expect(panel).toContainText(receipt.pspReference);
  await panel.getByRole("button", { name: "Confirm" }).first().click();
  await expect(panel).toContainText("matched");
  await page.goto(`/reconciliation?q=${encodeURIComponent(ref)}`);
  await expect(table.getByRole("row").filter({ hasText: ref })).toContainText("matched");
});

test("a standalone payment with the terminal's own reference is matched once its receipt is entered", async ({
  page,
}) => {
  const token = createToken("admin", unique("e2e-admin"));
  const ref = unique("TILL");
  // An amount no other test uses, so no other sale competes for this payment.
  const value = 20_000 + Math.floor(Math.random() * 70_000);
  const created = await api(token, "POST", "/api/v1/orders", {
    orders: [
      {
        merchantReference: ref,
        storeId: DEMO_STORE_IDS.BERLIN,
        amount: { value, currency: "EUR" },
        createdAt: new Date(Date.now() - 60_000).toISOString(),
      },
    ],
  });
  expect(created.status, await created.clone().text()).toBeLessThan(300);
  const catalog = (await sim("/_sim/catalog")) as {
    terminals: { id: string; storeId: string | null; status: string }[];
  };
  // The terminal makes up its own merchant reference: it names no POS order.
  const receipt = await poll(async () => {
    for (const t of catalog.terminals.filter((x) => x.storeId === DEMO_STORE_IDS.BERLIN && x.status === "boarded")) {
      const res = await fetch(`${runtime().simUrl}/_sim/standalone-payments`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ terminalId: t.id, amount: { value, currency: "EUR" }, reference: "terminal" }),
      });
      if (res.ok) return (await res.json()) as { pspReference: string; terminalId: string; merchantReference: string };
    }
    return undefined;
  }, "a Berlin terminal takes a standalone payment");
  expect(receipt.merchantReference).toContain(receipt.terminalId);

  // Staff type in the merchant receipt the terminal printed: same PSP reference, store, amount and time.
  const saved = await api(token, "POST", "/api/v1/receipts", {
    receipts: [
      {
        storeId: DEMO_STORE_IDS.BERLIN,
        terminalId: receipt.terminalId,
        amount: { value, currency: "EUR" },
        transactedAt: new Date().toISOString(),
        pspReference: receipt.pspReference,
      },
    ],
  });
  expect(saved.status, await saved.clone().text()).toBeLessThan(300);

  const item = await poll(async () => {
    const res = await api(token, "GET", `/api/v1/reconciliation?q=${encodeURIComponent(ref)}`);
    const body = (await res.json()) as { items: { merchantReference: string; status: string; method: string }[] };
    return body.items.find((i) => i.merchantReference === ref && ["matched", "suggested"].includes(i.status));
  }, "the order is matched or suggested");
  expect(item.method).toBe("standalone_heuristic");

  await signIn(page, "finance");
  await page.goto(`/reconciliation?q=${encodeURIComponent(ref)}`);
  const row = page.getByRole("table", { name: "Reconciliation items" }).getByRole("row").filter({ hasText: ref });
  await expect(row).toContainText(item.status);
});
