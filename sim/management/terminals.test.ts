import { describe, expect, it } from "vitest";
import { DEMO_STORE_IDS } from "../catalog";
import { contractErrors } from "../test-support/contracts";
import { simPerSuite } from "../test-support/sim-per-suite";

type Terminal = {
  id: string;
  model: string;
  assignment: { status: string; storeId?: string; merchantId?: string };
  countryCode?: string;
};
type TerminalList = {
  data: Terminal[];
  itemsTotal: number;
  pagesTotal: number;
  _links: Record<string, { href: string }>;
};

describe("Management v3 GET /terminals and /stores", () => {
  const t = simPerSuite({ resetEachTest: false });

  const list = (query: string) => t.api<TerminalList>("GET", `/v3/terminals${query}`);

  it("pages with a default of 20 and follows _links to the end", async () => {
    const first = await list("");
    expect(first.status).toBe(200);
    expect(contractErrors("ManagementService-v3", "ListTerminalsResponse", first.body)).toEqual([]);
    const total = t.sim.catalog.terminals.length;
    expect(first.body.itemsTotal).toBe(total);
    expect(first.body.data).toHaveLength(20);
    expect(first.body.pagesTotal).toBe(Math.ceil(total / 20));
    expect(first.body._links["prev"]).toBeUndefined();

    const seen = new Set<string>();
    let href: string | undefined = `${t.sim.url}/v3/terminals?pageSize=7`;
    while (href) {
      const page: { body: TerminalList } = await t.api<TerminalList>("GET", href.replace(t.sim.url, ""));
      page.body.data.forEach((term) => seen.add(term.id));
      href = page.body._links["next"]?.href;
    }
    expect(seen.size).toBe(total);
  });

  it("rejects pageSize above 100 and pageNumber below 1 with 422", async () => {
    for (const query of ["?pageSize=101", "?pageNumber=0", "?pageSize=abc"]) {
      const res = await list(query);
      expect(res.status, query).toBe(422);
      expect(contractErrors("ManagementService-v3", "RestServiceError", res.body)).toEqual([]);
    }
    expect((await list("?pageSize=100")).body.data).toHaveLength(t.sim.catalog.terminals.length);
  });

  it("filters by storeIds, brandModels, countries and merchantIds", async () => {
    const berlin = await list(`?storeIds=${DEMO_STORE_IDS.BERLIN}&pageSize=100`);
    expect(berlin.body.data.length).toBeGreaterThan(0);
    expect(berlin.body.data.every((term) => term.assignment.storeId === DEMO_STORE_IDS.BERLIN)).toBe(true);

    const printers = await list("?brandModels=Verifone.V400m,Castles.S1F2&pageSize=100");
    expect(new Set(printers.body.data.map((term) => term.model))).toEqual(new Set(["V400m", "S1F2"]));

    const nl = await list("?countries=NL&pageSize=100");
    expect(nl.body.data.every((term) => term.countryCode === "NL")).toBe(true);
    expect(nl.body.itemsTotal).toBe(
      t.sim.catalog.terminals.filter((x) => x.storeId === DEMO_STORE_IDS.AMSTERDAM).length,
    );

    const merchant = await list(`?merchantIds=${t.sim.merchantAccount}&pageSize=100`);
    expect(merchant.body.data.some((term) => term.assignment.status === "inventory")).toBe(false);
    expect(merchant.body.itemsTotal).toBe(t.sim.catalog.terminals.filter((x) => x.status !== "inventory").length);
  });

  it("lets searchQuery override the other filters", async () => {
    const res = await list(`?searchQuery=346403294&storeIds=${DEMO_STORE_IDS.AMSTERDAM}`);
    expect(res.body.data.map((term) => term.id)).toEqual(["V400m-346403294"]);
  });

  it("lists stores with paging, also per merchant", async () => {
    const all = await t.api<{ data: { reference: string }[]; itemsTotal: number }>("GET", "/v3/stores?pageSize=2");
    expect(all.status).toBe(200);
    expect(contractErrors("ManagementService-v3", "ListStoresResponse", all.body)).toEqual([]);
    expect(all.body.itemsTotal).toBe(4);
    expect(all.body.data).toHaveLength(2);
    const mine = await t.api<{ data: { reference: string }[] }>(
      "GET",
      `/v3/merchants/${t.sim.merchantAccount}/stores?reference=amsterdam-centrum`,
    );
    expect(mine.body.data.map((s) => s.reference)).toEqual(["amsterdam-centrum"]);
    expect((await t.api("GET", "/v3/merchants/OtherMerchant/stores")).status).toBe(403);
  });
});
