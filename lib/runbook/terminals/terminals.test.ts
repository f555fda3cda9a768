import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { DEMO_CATALOG, DEMO_STORE_IDS } from "@/sim/catalog";
import { startTestSim, type TestSim } from "@/sim/test-support/sim-harness";
import { parseTerminalFilter } from "@/lib/runbook/terminals/filters";
import { listTerminals, storeTerminalCounts, terminalSyncState } from "@/lib/runbook/terminals/queries";
import { setStandalone } from "@/lib/runbook/terminals/set-standalone";
import { runTerminalSync, type SyncDeps } from "@/lib/runbook/terminals/sync";
import { adyenFor, principal } from "@/lib/runbook/test-support";

withTestDatabase();
let t: TestSim;
let deps: SyncDeps;
beforeAll(async () => {
  t = await startTestSim();
  deps = { adyen: adyenFor(t), concurrency: 5, now: () => new Date(), retry: { sleep: async () => undefined } };
  await runTerminalSync({ mode: "full", requestedBy: "test" }, deps);
});
afterAll(() => t.close());

const admin = principal("admin");
const berlinManager = principal("store_manager", [DEMO_STORE_IDS.BERLIN]);
const list = (actor: typeof admin, query: Record<string, string>) => listTerminals(actor, parseTerminalFilter(query));

describe("terminal list", () => {
  it("filters ready for standalone: standalone on, a printer, boarded", async () => {
    const ready = await list(admin, { ready: "true", sort: "terminal" });
    expect(ready.items.map((r) => r.terminalId).sort()).toEqual(
      [
        "V400m-346403294",
        "V400m-388496965",
        "V400cPlus-328710122",
        "S1F2-000100978820812",
        "V240mPlus-270482814",
        "V400m-893252880",
        "V400cPlus-315098393",
        "V400cPlus-010310518",
        "S1F2-000142784980841",
        "S1F2L-000124118244935",
        "S1F2-000152427868011",
      ].sort(),
    );
    expect(ready.items.every((r) => r.readyForStandalone && r.printer && r.standalone.enabled)).toBe(true);
    const notReady = await list(admin, { ready: "false" });
    expect(notReady.items).toHaveLength(DEMO_CATALOG.terminals.length - 11);
  });

  it("shows store managers their own stores only", async () => {
    const mine = await list(berlinManager, {});
    expect(mine.items.length).toBe(DEMO_CATALOG.terminals.filter((x) => x.storeId === DEMO_STORE_IDS.BERLIN).length);
    expect(mine.items.every((r) => r.storeId === DEMO_STORE_IDS.BERLIN)).toBe(true);
    await expect(list(berlinManager, { storeId: DEMO_STORE_IDS.HAMBURG })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("sorts and pages on the server without losing or repeating a row", async () => {
    for (const sort of ["terminal", "store", "model", "standalone", "activity", "connected"]) {
      for (const dir of ["asc", "desc"]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await list(admin, { sort, dir, limit: "7", ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((r) => r.terminalId));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen, `${sort} ${dir}`).toHaveLength(DEMO_CATALOG.terminals.length);
        expect(new Set(seen).size).toBe(DEMO_CATALOG.terminals.length);
      }
    }
  });

  it("searches by id, serial number and store name; filters by level and printer", async () => {
    expect((await list(admin, { q: "691669784" })).items.map((r) => r.terminalId)).toEqual(["P400Plus-691669784"]);
    expect((await list(admin, { q: "Altona" })).items.every((r) => r.storeId === DEMO_STORE_IDS.HAMBURG)).toBe(true);
    expect((await list(admin, { level: "terminal" })).items.length).toBe(
      DEMO_CATALOG.terminals.filter((x) => x.standaloneOverride !== undefined).length,
    );
    expect((await list(admin, { printer: "false" })).items.every((r) => !r.printer)).toBe(true);
  });

  it("counts a store's terminals for the runbook and tells when the data was synced", async () => {
    expect(await storeTerminalCounts(DEMO_STORE_IDS.BERLIN)).toEqual({
      total: 9,
      ready: 5,
      printerStandaloneOff: 1,
      offline: 0,
    });
    const state = await terminalSyncState(admin);
    expect(state.lastSuccess?.terminals).toBe(DEMO_CATALOG.terminals.length);
    expect(state.lastRun?.status).toBe("succeeded");
  });
});

describe("switching standalone", () => {
  it("switches a whole store on and reads the effective values back, audited", async () => {
    const change = await setStandalone(
      admin,
      { target: { kind: "store", storeId: DEMO_STORE_IDS.AMSTERDAM }, enabled: true },
      deps,
    );
    expect(change.terminals.every((x) => x.enabled === true)).toBe(true);
    expect(change.keepOwnSetting).toEqual([]);
    const settings = await t.api<{ standalone: Record<string, unknown> }>(
      "GET",
      `/v3/stores/${DEMO_STORE_IDS.AMSTERDAM}/terminalSettings`,
    );
    expect(settings.body.standalone).toEqual({ enableStandalone: true, currencyCode: "EUR", enableGratuities: false });
    expect(await db().terminal.findUniqueOrThrow({ where: { id: "V400m-670106513" } })).toMatchObject({
      standaloneEnabled: true,
      standaloneLevel: "store",
    });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "store.standalone", entityId: DEMO_STORE_IDS.AMSTERDAM },
    });
    expect(audit.before).toMatchObject({ standalone: { enableStandalone: false } });
    expect(audit.after).toMatchObject({ standalone: { enableStandalone: true } });
  });

  it("tells which terminals keep their own setting after a store-wide change", async () => {
    const change = await setStandalone(
      admin,
      { target: { kind: "store", storeId: DEMO_STORE_IDS.BERLIN }, enabled: true },
      deps,
    );
    expect(change.keepOwnSetting.sort()).toEqual(["P400Plus-691669784", "S1F2L-000119136193990"]);
  });

  it("switches one terminal, at terminal level", async () => {
    const change = await setStandalone(
      admin,
      { target: { kind: "terminal", terminalId: "S1F2L-000119136193990" }, enabled: true },
      deps,
    );
    expect(change.terminals).toEqual([{ terminalId: "S1F2L-000119136193990", enabled: true, level: "store" }]);
    const off = await setStandalone(
      admin,
      { target: { kind: "terminal", terminalId: "V400m-346403294" }, enabled: false },
      deps,
    );
    expect(off.terminals).toEqual([{ terminalId: "V400m-346403294", enabled: false, level: "terminal" }]);
  });

  it("is for admins only", async () => {
    await expect(
      setStandalone(berlinManager, { target: { kind: "store", storeId: DEMO_STORE_IDS.BERLIN }, enabled: true }, deps),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
