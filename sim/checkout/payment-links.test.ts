import { describe, expect, it } from "vitest";
import { contractErrors, readFixture } from "../test-support/contracts";
import { simPerSuite } from "../test-support/sim-per-suite";

type Link = { id: string; url: string; status: string; expiresAt: string; reference: string };

describe("Checkout v72 payment links", () => {
  const t = simPerSuite();
  const base = () => ({
    amount: { currency: "EUR", value: 1250 },
    merchantAccount: t.sim.merchantAccount,
    reference: "POS-1001",
  });

  it("creates an active link (201) that matches PaymentLinkResponse and expires after 24 h by default", async () => {
    const before = Date.now();
    const res = await t.api<Link>("POST", "/v72/paymentLinks", {
      ...base(),
      description: "Order 1001",
      shopperLocale: "de-DE",
    });
    expect(res.status).toBe(201);
    expect(contractErrors("CheckoutService-v72", "PaymentLinkResponse", res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      status: "active",
      reference: "POS-1001",
      description: "Order 1001",
      reusable: false,
    });
    expect(res.body.id).toMatch(/^PL[0-9A-F]{16}$/);
    expect(res.body.url).toBe(`${t.sim.publicUrl}/payByLink/${res.body.id}`);
    const expiry = Date.parse(res.body.expiresAt) - before;
    expect(expiry).toBeGreaterThan(24 * 3600_000 - 5_000);
    expect(expiry).toBeLessThan(24 * 3600_000 + 5_000);
    const got = await t.api<Link>("GET", `/v72/paymentLinks/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it("answers a missing reference exactly like Adyen's fixture", async () => {
    const { reference: _dropped, ...noReference } = base();
    const res = await t.api("POST", "/v72/paymentLinks", noReference);
    expect(res.status).toBe(422);
    expect(res.body).toEqual(readFixture("payment-links/php-payment-links-invalid-422.json"));
  });

  it("validates amount, merchant account, unknown fields and JSON", async () => {
    const cases: [unknown, number, string][] = [
      [{ ...base(), amount: undefined }, 422, "100"],
      [{ ...base(), amount: { currency: "EUR", value: 12.5 } }, 422, "137"],
      [{ ...base(), amount: { currency: "eur", value: 100 } }, 422, "138"],
      [{ ...base(), merchantAccount: "SomeoneElse" }, 403, "901"],
      [{ ...base(), colour: "blue" }, 400, "702"],
      ["{not json", 400, "702"],
    ];
    for (const [body, status, errorCode] of cases) {
      const res = await t.api("POST", "/v72/paymentLinks", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body).toMatchObject({ status, errorCode });
      expect(contractErrors("CheckoutService-v72", "ServiceError", res.body)).toEqual([]);
    }
    expect((await t.control<{ links: unknown[] }>("GET", "/_sim/state")).body.links).toHaveLength(0);
  });

  it("accepts an expiry up to 70 days and rejects one beyond", async () => {
    const day = 24 * 3600_000;
    const ok = await t.api<Link>("POST", "/v72/paymentLinks", {
      ...base(),
      expiresAt: new Date(Date.now() + 69 * day).toISOString(),
    });
    expect(ok.status).toBe(201);
    const tooLate = await t.api("POST", "/v72/paymentLinks", {
      ...base(),
      expiresAt: new Date(Date.now() + 71 * day).toISOString(),
    });
    expect(tooLate.status).toBe(422);
    expect(JSON.stringify(tooLate.body)).toMatch(/70 days/);
  });

  it("expires a link on PATCH {status: expired} and on its own once expiresAt passes", async () => {
    const a = await t.api<Link>("POST", "/v72/paymentLinks", base());
    const patched = await t.api<Link>("PATCH", `/v72/paymentLinks/${a.body.id}`, { status: "expired" });
    expect(patched.status).toBe(200);
    expect(patched.body.status).toBe("expired");
    expect(contractErrors("CheckoutService-v72", "PaymentLinkResponse", patched.body)).toEqual([]);
    expect((await t.api("PATCH", `/v72/paymentLinks/${a.body.id}`, { status: "active" })).status).toBe(422);

    const b = await t.api<Link>("POST", "/v72/paymentLinks", { ...base(), reference: "POS-1002" });
    await t.control("POST", "/_sim/clock/advance", { ms: 24 * 3600_000 + 1_000 });
    expect((await t.api<Link>("GET", `/v72/paymentLinks/${b.body.id}`)).body.status).toBe("expired");
  });

  it("answers 404 for an unknown link id", async () => {
    expect((await t.api("GET", "/v72/paymentLinks/PL0000000000000000")).status).toBe(404);
  });

  it("lets a shopper pay through the HTML page, completing the link", async () => {
    const link = (await t.api<Link>("POST", "/v72/paymentLinks", base())).body;
    const page = await fetch(link.url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('lang="en"');
    for (const label of ["Pay €12.50", "Fail payment", "Abandon payment"]) expect(html).toContain(label);

    const refused = await fetch(link.url, {
      method: "POST",
      body: "outcome=refused",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(await refused.text()).toContain("refused");
    expect((await t.api<Link>("GET", `/v72/paymentLinks/${link.id}`)).body.status).toBe("active");

    const paid = await fetch(link.url, {
      method: "POST",
      body: "outcome=authorised",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(await paid.text()).toContain("Payment successful");
    expect((await t.api<Link>("GET", `/v72/paymentLinks/${link.id}`)).body.status).toBe("completed");
    const again = await (await fetch(link.url)).text();
    expect(again).not.toContain("<form");
  });

  it("refuses a second payment unless the control API forces it", async () => {
    const link = (await t.api<Link>("POST", "/v72/paymentLinks", base())).body;
    expect((await t.control("POST", `/_sim/payment-links/${link.id}/payments`, { outcome: "authorised" })).status).toBe(
      201,
    );
    expect((await t.control("POST", `/_sim/payment-links/${link.id}/payments`, { outcome: "authorised" })).status).toBe(
      409,
    );
    const forced = await t.control<{ pspReference: string }>("POST", `/_sim/payment-links/${link.id}/payments`, {
      outcome: "authorised",
      force: true,
    });
    expect(forced.status).toBe(201);
    const state = await t.control<{ links: { id: string; payments: unknown[] }[] }>("GET", "/_sim/state");
    expect(state.body.links.find((l) => l.id === link.id)?.payments).toHaveLength(2);
  });
});
