import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { Adyen } from "@/lib/adyen/client";
import { withTestDatabase } from "@/lib/testing/database";
import { DEMO_STORE_IDS } from "@/sim/catalog";
import { simPerSuite } from "@/sim/test-support/sim-per-suite";
import { createPaymentLink } from "@/lib/runbook/payment-links/create";
import { resumePendingCreations } from "@/lib/runbook/payment-links/resume";
import { adyenFor, linkDepsFor, principal, simLinks } from "@/lib/runbook/test-support";

withTestDatabase();
const t = simPerSuite({ resetEachTest: false });

const STORE = DEMO_STORE_IDS.BERLIN;
const admin = principal("admin");
let seq = 0;
const input = (over: Record<string, unknown> = {}) => ({
  storeId: STORE,
  reference: `POS-${++seq}`,
  amount: { value: 4599, currency: "EUR" },
  ...over,
});
const later = (ms: number) => () => new Date(Date.now() + ms);

beforeEach(async () => {
  await t.control("POST", "/_sim/reset");
  await db().paymentLink.deleteMany();
  await db().store.upsert({
    where: { id: STORE },
    create: { id: STORE, name: "Berlin", timezone: "Europe/Berlin", merchantAccount: t.sim.merchantAccount },
    update: { merchantAccount: t.sim.merchantAccount },
  });
});

/** Field paths named by a validation failure, whether zod's or an AppError's. */
function problemPaths(err: unknown): string[] {
  if (err instanceof ZodError) return err.issues.map((i) => i.path.join("."));
  if (err instanceof AppError && err.code === "VALIDATION") return err.details?.problems?.map((p) => p.path) ?? [];
  return [];
}

/** An Adyen whose link creation runs `before` first (to observe or to "crash" before the call). */
function adyenWith(before: (key: string | undefined) => Promise<void>): Adyen {
  const real = adyenFor(t);
  const paymentLinks = Object.create(real.paymentLinks) as Adyen["paymentLinks"];
  paymentLinks.paymentLinks = async (request, options) => {
    await before(options?.idempotencyKey);
    return real.paymentLinks.paymentLinks(request, options);
  };
  return { ...real, paymentLinks };
}

describe("idempotent payment link creation", () => {
  it("stores the key and the request before calling Adyen, then the link Adyen made", async () => {
    const seenBeforeCall: unknown[] = [];
    const deps = linkDepsFor(t, {
      adyen: adyenWith(async (key) => {
        seenBeforeCall.push(await db().paymentLink.findUnique({ where: { idempotencyKey: key ?? "" } }));
      }),
    });
    const outcome = await createPaymentLink(admin, input({ description: "Blue jacket" }), {}, deps);
    expect(outcome.kind).toBe("created");
    expect(seenBeforeCall[0]).toMatchObject({
      status: "creating",
      request: expect.objectContaining({ reference: outcome.link.reference, store: STORE }),
    });
    expect(outcome.link.idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const [link] = await simLinks(t);
    expect(outcome.link).toMatchObject({ adyenId: link?.id, status: "active", amountValue: 4599n });
    expect(outcome.link.url).toContain(`/payByLink/${link?.id}`);
  });

  it("crash before the call: the resume job creates the link, once", async () => {
    const crash = linkDepsFor(t, {
      adyen: adyenWith(async () => {
        throw new Error("process killed before the call");
      }),
    });
    await expect(createPaymentLink(admin, input(), {}, crash)).rejects.toThrow("process killed");
    expect(await simLinks(t)).toHaveLength(0);
    expect(await db().paymentLink.findFirst()).toMatchObject({ status: "creating", adyenId: null });

    // Too early: a request might still be working on it.
    expect(await resumePendingCreations(linkDepsFor(t))).toMatchObject({ created: 0 });
    expect(await resumePendingCreations(linkDepsFor(t, { now: later(60_000) }))).toMatchObject({ created: 1 });
    const links = await simLinks(t);
    expect(links).toHaveLength(1);
    expect(await db().paymentLink.findFirst()).toMatchObject({ status: "active", adyenId: links[0]?.id });
  });

  it("crash after Adyen answered, before the commit: resuming gets the same link back", async () => {
    const crash = linkDepsFor(t, {
      afterAdyenAnswered: () => {
        throw new Error("process killed after the call");
      },
    });
    await expect(createPaymentLink(admin, input(), {}, crash)).rejects.toThrow("process killed");
    const made = await simLinks(t);
    expect(made).toHaveLength(1);
    expect(await db().paymentLink.findFirst()).toMatchObject({ status: "creating", adyenId: null });

    await resumePendingCreations(linkDepsFor(t, { now: later(60_000) }));
    expect(await simLinks(t)).toHaveLength(1);
    expect(await db().paymentLink.findFirst()).toMatchObject({ status: "active", adyenId: made[0]?.id });
  });

  it("a timeout while Adyen still works: the retry waits out the 704 and gets the same link", async () => {
    await t.control("POST", "/_sim/faults/latency", { family: "checkout", ms: 600 });
    const deps = linkDepsFor(t, { adyen: adyenFor(t, 200), retry: { ...linkDepsFor(t).retry, maxAttempts: 12 } });
    const outcome = await createPaymentLink(admin, input(), {}, deps);
    expect(outcome.kind).toBe("created");
    expect(outcome.link.attempts).toBeGreaterThan(1);
    expect(await simLinks(t)).toHaveLength(1);
  });

  it("704 for every attempt: the link stays pending, and the job finishes it with the same key", async () => {
    await t.control("POST", "/_sim/faults/mix", { family: "checkout", rate: 1, weights: { inFlight704: 1 } });
    const outcome = await createPaymentLink(admin, input(), {}, linkDepsFor(t));
    expect(outcome.kind).toBe("pending");
    expect(outcome.link.lastError).toMatch(/error 704/);
    await t.control("POST", "/_sim/faults/mix", { family: "checkout", rate: 0 });
    await resumePendingCreations(linkDepsFor(t, { now: later(60_000) }));
    expect(await simLinks(t)).toHaveLength(1);
    expect(await db().paymentLink.findFirst()).toMatchObject({ status: "active" });
  });

  it("a double submit with the caller's key makes one link; the same key with another body is refused", async () => {
    await t.control("POST", "/_sim/faults/latency", { family: "checkout", ms: 300 });
    const body = input();
    const [a, b] = await Promise.all([
      createPaymentLink(admin, body, { clientKey: "till-7-order-1" }, linkDepsFor(t)),
      createPaymentLink(admin, body, { clientKey: "till-7-order-1" }, linkDepsFor(t)),
    ]);
    expect(a.link.id).toBe(b.link.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await simLinks(t)).toHaveLength(1);
    expect((await createPaymentLink(admin, body, { clientKey: "till-7-order-1" }, linkDepsFor(t))).link.id).toBe(
      a.link.id,
    );
    await expect(
      createPaymentLink(
        admin,
        { ...body, amount: { value: 1, currency: "EUR" } },
        { clientKey: "till-7-order-1" },
        linkDepsFor(t),
      ),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("till-7-order-1") });
    // Another caller may use the same key for its own link.
    const other = await createPaymentLink(
      principal("store_manager", [STORE]),
      input(),
      { clientKey: "till-7-order-1" },
      linkDepsFor(t),
    );
    expect(other.link.id).not.toBe(a.link.id);
  });

  it("an API token must send an Idempotency-Key: without one it gets a 400 naming the header, and nothing is made", async () => {
    const pos = { ...principal("store_manager", [STORE]), kind: "token" as const, id: "token-pos" };
    for (const clientKey of [undefined, null]) {
      const err = await createPaymentLink(pos, input(), { clientKey }, linkDepsFor(t)).catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: "VALIDATION",
        status: 400,
        message: expect.stringContaining("Idempotency-Key"),
      });
      expect(problemPaths(err)).toEqual(["Idempotency-Key"]);
    }
    const blank = await createPaymentLink(pos, input(), { clientKey: " " }, linkDepsFor(t)).catch((e: unknown) => e);
    expect(problemPaths(blank)).toEqual(["Idempotency-Key"]);
    expect(await db().paymentLink.count()).toBe(0);
    expect(await simLinks(t)).toHaveLength(0);
    // With a key, and a resend with the same key: one link.
    const body = input();
    const first = await createPaymentLink(pos, body, { clientKey: "till-9-order-1" }, linkDepsFor(t));
    const again = await createPaymentLink(pos, body, { clientKey: "till-9-order-1" }, linkDepsFor(t));
    expect(again).toMatchObject({ replayed: true, link: { id: first.link.id } });
    // A signed-in user on the page needs none: the form's submit is one creation, and the key is ours.
    await expect(createPaymentLink(admin, input(), {}, linkDepsFor(t))).resolves.toMatchObject({ kind: "created" });
    expect(await simLinks(t)).toHaveLength(2);
  });

  it.each([
    ["amount 0", { amount: { value: 0, currency: "EUR" } }, "amount.value"],
    ["unknown currency", { amount: { value: 100, currency: "EUX" } }, "amount.currency"],
    ["unknown store", { storeId: "ST_NOT_THERE" }, "storeId"],
    ["expiry in the past", { expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt"],
    ["reference too long", { reference: "R".repeat(81) }, "reference"],
    // 99,999,999,999.00 EUR, the link a typo once made: above the default maximum of 100,000.00.
    ["amount above the maximum", { amount: { value: 9_999_999_999_900, currency: "EUR" } }, "amount.value"],
    ["just above the maximum", { amount: { value: 10_000_001, currency: "EUR" } }, "amount.value"],
  ])("bad input (%s) names the field and creates nothing, at Adyen or here", async (_name, over, field) => {
    const err = await createPaymentLink(admin, input(over), {}, linkDepsFor(t)).catch((e: unknown) => e);
    expect(problemPaths(err)).toContain(field);
    expect(await db().paymentLink.count()).toBe(0);
    expect(await simLinks(t)).toHaveLength(0);
  });

  it("accepts the maximum itself and says the limit when refusing more", async () => {
    const at = await createPaymentLink(
      admin,
      input({ amount: { value: 10_000_000, currency: "EUR" } }),
      {},
      linkDepsFor(t),
    );
    expect(at.kind).toBe("created");
    const err = await createPaymentLink(
      admin,
      input({ amount: { value: 10_000_001, currency: "EUR" } }),
      {},
      linkDepsFor(t),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("at most €100,000.00") });
  });

  it("a store manager cannot create links for another store", async () => {
    const manager = principal("store_manager", [DEMO_STORE_IDS.HAMBURG]);
    await expect(createPaymentLink(manager, input(), {}, linkDepsFor(t))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().paymentLink.count()).toBe(0);
  });

  it("says in words why Adyen refused, and keeps the refusal", async () => {
    await db().store.update({ where: { id: STORE }, data: { merchantAccount: "SomeoneElsesAccount" } });
    const outcome = await createPaymentLink(admin, input(), {}, linkDepsFor(t));
    expect(outcome).toMatchObject({ kind: "failed", httpStatus: 403 });
    if (outcome.kind !== "failed") return;
    expect(outcome.problem).toMatch(/merchant account is not valid for Pay by Link/);
    expect(outcome.problem).not.toMatch(/[{}]/);
    expect(outcome.link.status).toBe("failed");
  });
});
