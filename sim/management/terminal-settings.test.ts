import { describe, expect, it } from "vitest";
import { DEMO_STORE_IDS } from "../catalog";
import { contractErrors } from "../test-support/contracts";
import { simPerSuite } from "../test-support/sim-per-suite";

type Settings = {
  standalone?: { enableStandalone?: boolean; currencyCode?: string; enableGratuities?: boolean };
  localization?: Record<string, string>;
};

describe("Management v3 terminalSettings inheritance", () => {
  const t = simPerSuite();
  const get = (path: string) => t.api<Settings>("GET", `${path}/terminalSettings`);
  const patch = (path: string, body: unknown) => t.api<Settings>("PATCH", `${path}/terminalSettings`, body);
  const berlinTerminal = "/v3/terminals/V400m-388496965"; // no terminal-level override
  const hamburgOverride = "/v3/terminals/V400m-893252880"; // enabled at terminal level only

  it("returns effective settings that match the TerminalSettings schema at every level", async () => {
    const paths = [
      `/v3/companies/${t.sim.companyId}`,
      `/v3/merchants/${t.sim.merchantAccount}`,
      `/v3/stores/${DEMO_STORE_IDS.BERLIN}`,
      `/v3/merchants/${t.sim.merchantAccount}/stores/berlin-mitte`,
      berlinTerminal,
    ];
    for (const path of paths) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(contractErrors("ManagementService-v3", "TerminalSettings", res.body)).toEqual([]);
    }
    expect((await get(`/v3/companies/${t.sim.companyId}`)).body.standalone).toEqual({
      enableStandalone: false,
      currencyCode: "EUR",
      enableGratuities: false,
    });
    expect((await get(berlinTerminal)).body.standalone?.enableStandalone).toBe(true);
    expect((await get(hamburgOverride)).body.standalone).toEqual({
      enableStandalone: true,
      currencyCode: "EUR",
      enableGratuities: false,
    });
    expect((await get("/v3/terminals/P400Plus-391171822")).body.standalone?.enableStandalone).toBe(false);
  });

  it("PATCH replaces the standalone object at that level and lower levels inherit it", async () => {
    const res = await patch(`/v3/stores/${DEMO_STORE_IDS.HAMBURG}`, {
      standalone: { enableStandalone: true, currencyCode: "EUR", enableGratuities: true },
    });
    expect(res.status).toBe(200);
    expect(contractErrors("ManagementService-v3", "TerminalSettings", res.body)).toEqual([]);
    expect(res.body.standalone).toEqual({ enableStandalone: true, currencyCode: "EUR", enableGratuities: true });
    expect((await get("/v3/terminals/P400Plus-391171822")).body.standalone?.enableStandalone).toBe(true);
    // Other stores are untouched.
    expect((await get("/v3/terminals/V400m-670106513")).body.standalone?.enableStandalone).toBe(false);
  });

  it("a terminal-level override wins until it is sent empty, then the store's value is inherited again", async () => {
    expect(
      (await patch(berlinTerminal, { standalone: { enableStandalone: false } })).body.standalone?.enableStandalone,
    ).toBe(false);
    // Omitted parameters are not overridden here: currency still comes from above.
    expect((await get(berlinTerminal)).body.standalone?.currencyCode).toBe("EUR");
    const restored = await patch(berlinTerminal, { standalone: { enableStandalone: null } });
    expect(restored.body.standalone?.enableStandalone).toBe(true);
  });

  it("sections not sent are left as they were", async () => {
    await patch(berlinTerminal, { localization: { language: "en" } });
    const after = await patch(berlinTerminal, { standalone: { enableStandalone: false } });
    expect(after.body.localization?.["language"]).toBe("en");
    expect(after.body.localization?.["timezone"]).toBe("Europe/Berlin");
  });

  it("rejects invalid bodies with 422 and invalidFields", async () => {
    const res = await patch(berlinTerminal, {
      standalone: { enableStandalone: "yes", currencyCode: "euro" },
      unknownSection: {},
    });
    expect(res.status).toBe(422);
    expect(contractErrors("ManagementService-v3", "RestServiceError", res.body)).toEqual([]);
    const names = (res.body as unknown as { invalidFields: { name: string }[] }).invalidFields.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(["standalone.enableStandalone", "standalone.currencyCode", "unknownSection"]),
    );
  });

  it("answers 404 for an unknown terminal and 403 for another company", async () => {
    expect((await get("/v3/terminals/V400m-000000000")).status).toBe(404);
    expect((await get("/v3/companies/OtherCompany")).status).toBe(403);
  });
});
