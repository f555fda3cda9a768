import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { makeEvent } from "@/prisma/seed/factories";
import { DEMO_STORE_IDS } from "@/sim/catalog";
import { simPerSuite } from "@/sim/test-support/sim-per-suite";
import { createPaymentLink } from "@/lib/runbook/payment-links/create";
import { expirePaymentLink } from "@/lib/runbook/payment-links/expire";
import { refreshLinkStatuses } from "@/lib/runbook/payment-links/refresh";
import { listPaymentLinks, payByLinkState } from "@/lib/runbook/payment-links/queries";
import { linkDepsFor, principal, simLinks } from "@/lib/runbook/test-support";

withTestDatabase();
const t = simPerSuite({ resetEachTest: false });

const STORE = DEMO_STORE_IDS.MUENCHEN;
const admin = principal("admin");
let seq = 0;

beforeEach(async () => {
  await t.control("POST", "/_sim/reset");
  await db().paymentLink.deleteMany();
  await db().store.upsert({
    where: { id: STORE },
    create: { id: STORE, name: "München", timezone: "Europe/Berlin", merchantAccount: t.sim.merchantAccount },
    update: {},
  });
});

async function newLink() {
  const outcome = await createPaymentLink(
    admin,
    { storeId: STORE, reference: `R-${++seq}`, amount: { value: 1999, currency: "EUR" } },
    {},
    linkDepsFor(t),
  );
  if (outcome.kind !== "created" || !outcome.link.adyenId) throw new Error("link not created");
  return outcome.link as typeof outcome.link & { adyenId: string };
}

describe("live link status", () => {
  it("completes a link from its AUTHORISATION webhook, with the payment's PSP reference", async () => {
    const link = await newLink();
    await makeEvent({ value: 1999, at: new Date(), ref: link.reference, paymentLinkId: link.adyenId, success: false });
    expect((await refreshLinkStatuses(linkDepsFor(t))).fromWebhooks).toBe(0);
    await makeEvent({
      value: 1999,
      at: new Date(),
      ref: link.reference,
      paymentLinkId: link.adyenId,
      psp: "PSPREF0000000042",
    });
    expect((await refreshLinkStatuses(linkDepsFor(t))).fromWebhooks).toBe(1);
    expect(await db().paymentLink.findUnique({ where: { id: link.id } })).toMatchObject({
      status: "completed",
      pspReference: "PSPREF0000000042",
    });
    const audit = await db().auditLog.findFirst({ where: { entityId: link.id, action: "payment_link.status" } });
    expect(audit?.after).toMatchObject({ status: "completed", source: "webhook" });
  });

  it("polls Adyen for open links that are due, and takes its status", async () => {
    const link = await newLink();
    await t.control("POST", `/_sim/payment-links/${link.adyenId}/payments`, { outcome: "pending" });
    // Just created: not due yet.
    expect((await refreshLinkStatuses(linkDepsFor(t))).polled).toBe(0);
    const inTwoMinutes = () => new Date(Date.now() + 120_000);
    expect(await refreshLinkStatuses(linkDepsFor(t, { now: inTwoMinutes }))).toMatchObject({ polled: 1, changed: 1 });
    expect((await db().paymentLink.findUnique({ where: { id: link.id } }))?.status).toBe("paymentPending");
  });

  it("lists links newest first, page by page, only in the caller's stores", async () => {
    for (let i = 0; i < 3; i++) await newLink();
    const first = await listPaymentLinks(admin, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listPaymentLinks(admin, { limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.items, ...second.items].map((l) => l.reference)).toEqual([
      "R-" + seq,
      "R-" + (seq - 1),
      "R-" + (seq - 2),
    ]);
    const other = principal("store_manager", [DEMO_STORE_IDS.HAMBURG]);
    expect((await listPaymentLinks(other, {})).items).toEqual([]);
    await expect(listPaymentLinks(other, { storeId: STORE })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("whether Pay by Link works for a store", () => {
  it("is judged per store, from the links made for it", async () => {
    const other = DEMO_STORE_IDS.AMSTERDAM;
    await db().store.upsert({
      where: { id: other },
      create: { id: other, name: "Amsterdam", timezone: "Europe/Amsterdam", merchantAccount: "NotOurAccount" },
      update: { merchantAccount: "NotOurAccount" },
    });
    expect(await payByLinkState(STORE)).toBe("untested");
    await newLink();
    expect(await payByLinkState(STORE)).toBe("works");
    for (let i = 0; i < 3; i++) {
      await createPaymentLink(
        admin,
        { storeId: other, reference: `X-${i}`, amount: { value: 1, currency: "EUR" } },
        {},
        linkDepsFor(t),
      );
    }
    expect(await payByLinkState(other)).toBe("failing");
    expect(await payByLinkState(STORE)).toBe("works");
  });
});

describe("expiring a link", () => {
  it("expires it at Adyen and here, audited", async () => {
    const link = await newLink();
    const view = await expirePaymentLink(admin, link.id, linkDepsFor(t));
    expect(view.status).toBe("expired");
    expect((await simLinks(t))[0]?.status).toBe("expired");
    const audit = await db().auditLog.findFirst({ where: { entityId: link.id, action: "payment_link.expire" } });
    expect(audit).toMatchObject({ before: { status: "active" }, after: { status: "expired" } });
    // Again: nothing more to do.
    expect((await expirePaymentLink(admin, link.id, linkDepsFor(t))).status).toBe("expired");
  });

  it("refuses a paid link, and a store manager of another store", async () => {
    const link = await newLink();
    await expect(
      expirePaymentLink(principal("store_manager", [DEMO_STORE_IDS.HAMBURG]), link.id, linkDepsFor(t)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.control("POST", `/_sim/payment-links/${link.adyenId}/payments`, { outcome: "authorised" });
    await expect(expirePaymentLink(admin, link.id, linkDepsFor(t))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/completed and cannot be expired/),
    });
  });
});
