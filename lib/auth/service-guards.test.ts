// Every service checks its action itself, before it reads its input or the database: a caller the table refuses
// gets FORBIDDEN even with input that would otherwise be invalid or name rows that do not exist.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { testPrincipal } from "@/lib/testing/principals";
import { withTestDatabase } from "@/lib/testing/database";
import { makeOrder, makeReceipt, makeStore } from "@/prisma/seed/factories";
import { loadAdminOverview } from "@/lib/admin/overview";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { listStoresFor, upsertStore } from "@/lib/stores/stores";
import {
  bulkConfirm,
  confirmMatch,
  matchManually,
  rejectMatch,
  undoDecision,
  type EvidenceInput,
} from "@/lib/reconciliation/decisions";
import { findOrderItemId, loadReconDetail } from "@/lib/reconciliation/detail";
import { reconCsvStream } from "@/lib/reconciliation/export";
import { parseReconFilter } from "@/lib/reconciliation/filters";
import { listReconItems } from "@/lib/reconciliation/queries";
import { reconSummary } from "@/lib/reconciliation/summary";
import { reconcile } from "@/lib/reconciliation/engine/run";
import {
  importFile,
  importOrders,
  importPaymentAccountingReport,
  importReceipts,
  importSettlementReport,
  listImportBatches,
} from "@/lib/reconciliation/imports";
import { listPaymentEvents } from "@/lib/webhooks/payment-events-query";
import { db } from "@/lib/db";

withTestDatabase();

const who = testPrincipal;
const finance = who("finance");
const engineering = who("engineering");
const manager = who("store_manager");
const bogus = { kind: "nonsense", id: "x" } as unknown as EvidenceInput;
const noInput = () => Readable.from([]);
const options = (actor: Principal) => ({ actor, reconcile: () => undefined });

async function refused(call: () => unknown): Promise<string> {
  try {
    await call();
  } catch (err) {
    if (err instanceof AppError && err.code === "FORBIDDEN") return err.message;
    throw new Error(`expected FORBIDDEN, got ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
  throw new Error("expected FORBIDDEN, the call succeeded");
}

describe("each service refuses a role the table does not allow, before anything else", () => {
  it.each<[string, () => unknown, string]>([
    ["loadAdminOverview", () => loadAdminOverview(finance), "finance may not admin.read"],
    ["listApiTokens", () => listApiTokens(manager), "store_manager may not tokens.manage"],
    ["createApiToken", () => createApiToken({ role: "root" }, finance), "finance may not tokens.manage"],
    ["revokeApiToken", () => revokeApiToken("not-a-uuid", engineering), "engineering may not tokens.manage"],
    ["createUser", () => createUser({ email: "nope" }, finance), "finance may not users.manage"],
    [
      "upsertStore",
      () => upsertStore({ id: "", name: "", timezone: "" }, manager),
      "store_manager may not stores.manage",
    ],
    ["confirmMatch", () => confirmMatch(engineering, "x", bogus), "engineering may not reconciliation.decide"],
    ["rejectMatch", () => rejectMatch(manager, "x", bogus), "store_manager may not reconciliation.decide"],
    ["matchManually", () => matchManually(engineering, "x", bogus), "engineering may not reconciliation.decide"],
    ["undoDecision", () => undoDecision(engineering, "x"), "engineering may not reconciliation.decide"],
    ["bulkConfirm", () => bulkConfirm(manager, ["x"]), "store_manager may not reconciliation.decide"],
    [
      "listReconItems",
      () => listReconItems(manager, parseReconFilter({})),
      "store_manager may not reconciliation.read",
    ],
    ["reconSummary", () => reconSummary(engineering, parseReconFilter({})), "engineering may not reconciliation.read"],
    [
      "reconCsvStream",
      () => reconCsvStream(manager, parseReconFilter({})),
      "store_manager may not reconciliation.export",
    ],
    ["loadReconDetail", () => loadReconDetail(engineering, "x"), "engineering may not reconciliation.read"],
    ["findOrderItemId", () => findOrderItemId(manager, "x"), "store_manager may not reconciliation.read"],
    ["listPaymentEvents", () => listPaymentEvents(manager, ""), "store_manager may not payment_events.read"],
    ["listImportBatches", () => listImportBatches(engineering), "engineering may not imports.read"],
    ["importOrders", () => importOrders([{}], options(engineering)), "engineering may not orders.write"],
    ["importReceipts", () => importReceipts([{}], options(engineering)), "engineering may not receipts.create"],
    [
      "importSettlementReport",
      () => importSettlementReport(noInput(), options(manager)),
      "store_manager may not reports.import",
    ],
    [
      "importPaymentAccountingReport",
      () => importPaymentAccountingReport(noInput(), options(engineering)),
      "engineering may not reports.import",
    ],
    ["importFile", () => importFile("settlement_details", noInput(), options(manager)), "may not reports.import"],
  ])("%s", async (_name, call, message) => {
    expect(await refused(call)).toContain(message);
  });
});

describe("store-scoped services check the store of the row they touch", () => {
  it("refuses a decision on an order of a store outside the actor's stores, and lists only their stores", async () => {
    const s = await makeStore("GUARD-A");
    await makeStore("GUARD-B");
    const t = new Date("2026-11-20T12:00:00Z");
    const order = await makeOrder({ storeId: s.id, ref: "GUARD-1", value: 500, at: t });
    const receipt = await makeReceipt({ storeId: s.id, value: 500, at: new Date(t.getTime() + 60_000) });
    await reconcile();
    const item = await db().reconItem.findUniqueOrThrow({ where: { id: order.id * 3n } });
    // A principal limited to another store, with a role that may decide.
    const elsewhere = who("finance", ["GUARD-B"]);
    expect(
      await refused(() => confirmMatch(elsewhere, item.id.toString(), { kind: "receipt", id: receipt.id.toString() })),
    ).toBe("You may not reconciliation.decide for store GUARD-A.");
    await expect(loadReconDetail(elsewhere, item.id.toString())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findOrderItemId(elsewhere, "GUARD-1")).toBeNull();
    expect((await listStoresFor(who("store_manager", ["GUARD-B"]))).map((x) => x.id)).toEqual(["GUARD-B"]);
  });
});
