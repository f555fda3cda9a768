import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "./test-support/sim-harness";

type Summary = {
  page: { id: string; name: string; url: string; updated_at: string };
  status: { indicator: string; description: string };
  components: { id: string; name: string; status: string }[];
  incidents: {
    id: string;
    name: string;
    status: string;
    impact: string;
    components: { id: string }[];
    incident_updates: unknown[];
  }[];
  scheduled_maintenances: unknown[];
};

describe("simulated Adyen status page (Statuspage v2)", () => {
  let t: TestSim;
  const summary = () => t.control<Summary>("GET", "/status/api/v2/summary.json");
  beforeAll(async () => {
    t = await startTestSim();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control("POST", "/_sim/reset");
  });

  it("reports all systems operational by default", async () => {
    const res = await summary();
    expect(res.status).toBe(200);
    expect(res.body.status).toEqual({ indicator: "none", description: "All Systems Operational" });
    expect(res.body.components.length).toBeGreaterThan(3);
    expect(res.body.components.every((c) => c.status === "operational")).toBe(true);
    expect(res.body.incidents).toEqual([]);
    expect(res.body.scheduled_maintenances).toEqual([]);
    expect(Object.keys(res.body.page).sort()).toEqual(["id", "name", "time_zone", "updated_at", "url"]);
  });

  it("opens and resolves incidents that drive the indicator and component status", async () => {
    const created = await t.control<{ id: string }>("POST", "/_sim/status-page/incidents", {
      name: "Terminal API cloud connectivity issues",
      impact: "major",
      componentIds: ["terminalcloud"],
    });
    expect(created.status).toBe(201);
    const during = (await summary()).body;
    expect(during.status.indicator).toBe("major");
    expect(during.components.find((c) => c.id === "terminalcloud")?.status).toBe("partial_outage");
    expect(during.incidents[0]).toMatchObject({ id: created.body.id, status: "investigating", impact: "major" });
    expect(during.incidents[0]?.components.map((c) => c.id)).toEqual(["terminalcloud"]);

    await t.control("POST", `/_sim/status-page/incidents/${created.body.id}/resolve`, {});
    const after = (await summary()).body;
    expect(after.status.indicator).toBe("none");
    expect(after.incidents).toEqual([]);
    expect(after.components.every((c) => c.status === "operational")).toBe(true);
  });

  it("can force the indicator or take the page down", async () => {
    await t.control("POST", "/_sim/status-page", { indicator: "critical" });
    expect((await summary()).body.status).toEqual({ indicator: "critical", description: "Major System Outage" });
    await t.control("POST", "/_sim/status-page", { available: false });
    expect((await summary()).status).toBe(503);
  });
});
