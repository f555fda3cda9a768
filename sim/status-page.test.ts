import { beforeEach, describe, expect, it } from "vitest";
import { simPerSuite } from "./test-support/sim-per-suite";

type Summary = {
  page: { id: string; name: string; url: string; updated_at: string };
  status: { indicator: string; description: string };
  components: { id: string; name: string; status: string }[];
  incidents: { id: string; status: string; impact: string; components: { id: string }[] }[];
  scheduled_maintenances: { name: string; status: string }[];
};
type AdyenIncidents = {
  incidentMessageCollection: {
    items: {
      sys: { id: string };
      title: string;
      resolved: boolean;
      severity: string;
      systemAffected: string;
      incidentStatusCollection: { items: { status: string }[] };
    }[];
  };
};

describe("simulated status site", () => {
  const t = simPerSuite();
  const get = <T>(path: string) => t.control<T>("GET", path);

  describe("Adyen's real format (default)", () => {
    it("serves quiet incident and maintenance messages", async () => {
      expect((await get("/status/api/incident-messages/active")).body).toEqual({
        incidentMessageCollection: { items: [] },
      });
      expect((await get("/status/api/maintenance-messages/active")).body).toEqual({
        maintenanceMessageCollection: { items: [] },
      });
    });

    it("answers every other path, summary.json and history.atom included, with the app's HTML and 200", async () => {
      for (const path of ["/status", "/status/api/v2/summary.json", "/status/history.atom", "/status/nope/deep"]) {
        const res = await get<string>(path);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toMatch(/text\/html/);
        expect(res.body).toMatch(/<div id="root">/);
      }
    });

    it("lists an incident with Adyen's fields until it is resolved", async () => {
      const created = await t.control<{ id: string }>("POST", "/_sim/status-page/incidents", {
        name: "Terminal API cloud connectivity issues",
        impact: "major",
        componentIds: ["terminalcloud"],
      });
      const open = (await get<AdyenIncidents>("/status/api/incident-messages/active")).body;
      expect(open.incidentMessageCollection.items[0]).toMatchObject({
        sys: { id: created.body.id },
        title: "Terminal API cloud connectivity issues",
        resolved: false,
        severity: "RED",
        systemAffected: "PLATFORM_AVAILABILITY",
        incidentStatusCollection: { items: [{ status: "IDENTIFIED" }] },
      });
      await t.control("POST", `/_sim/status-page/incidents/${created.body.id}/resolve`, {});
      const after = (await get<AdyenIncidents>("/status/api/incident-messages/active")).body;
      expect(after.incidentMessageCollection.items[0]?.resolved).toBe(true);
      expect(after.incidentMessageCollection.items[0]?.incidentStatusCollection.items.map((s) => s.status)).toEqual([
        "IDENTIFIED",
        "RESOLVED",
      ]);
    });

    it("lists scheduled maintenance", async () => {
      await t.control("POST", "/_sim/status-page/maintenances", {
        name: "Network work",
        componentIds: ["terminalcloud"],
      });
      const res = await get<{ maintenanceMessageCollection: { items: { title: string }[] } }>(
        "/status/api/maintenance-messages/active",
      );
      expect(res.body.maintenanceMessageCollection.items.map((m) => m.title)).toEqual(["Network work"]);
    });
  });

  describe("switched to Statuspage", () => {
    beforeEach(async () => {
      await t.control("POST", "/_sim/status-page", { format: "statuspage" });
    });
    const summary = () => get<Summary>("/status/api/v2/summary.json");

    it("reports all systems operational by default", async () => {
      const res = await summary();
      expect(res.status).toBe(200);
      expect(res.body.status).toEqual({ indicator: "none", description: "All Systems Operational" });
      expect(res.body.components.every((c) => c.status === "operational")).toBe(true);
      expect(res.body.incidents).toEqual([]);
      expect(Object.keys(res.body.page).sort()).toEqual(["id", "name", "time_zone", "updated_at", "url"]);
      expect((await get("/status/api/incident-messages/active")).status).toBe(404);
    });

    it("opens and resolves incidents that drive the indicator and component status", async () => {
      const created = await t.control<{ id: string }>("POST", "/_sim/status-page/incidents", {
        name: "Terminal API cloud connectivity issues",
        impact: "major",
        componentIds: ["terminalcloud"],
      });
      const during = (await summary()).body;
      expect(during.status.indicator).toBe("major");
      expect(during.components.find((c) => c.id === "terminalcloud")?.status).toBe("partial_outage");
      expect(during.incidents[0]).toMatchObject({ id: created.body.id, status: "investigating", impact: "major" });
      await t.control("POST", `/_sim/status-page/incidents/${created.body.id}/resolve`, {});
      const after = (await summary()).body;
      expect(after.status.indicator).toBe("none");
      expect(after.incidents).toEqual([]);
    });

    it("shows maintenance in progress and publishes RSS and Atom history", async () => {
      await t.control("POST", "/_sim/status-page/maintenances", {
        name: "Router swap",
        componentIds: ["terminalcloud"],
      });
      await t.control("POST", "/_sim/status-page/incidents", { name: "Slow webhooks", impact: "minor" });
      expect((await summary()).body.scheduled_maintenances).toMatchObject([
        { name: "Router swap", status: "in_progress" },
      ]);
      const rss = await get<string>("/status/history.rss");
      expect(rss.headers.get("content-type")).toMatch(/rss\+xml/);
      expect(rss.body).toMatch(/<item><title>Slow webhooks<\/title>/);
      const atom = await get<string>("/status/history.atom");
      expect(atom.body).toMatch(/<feed[^>]*xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      expect(atom.body).toMatch(/<title>Router swap<\/title>/);
    });

    it("can force the indicator or take the page down", async () => {
      await t.control("POST", "/_sim/status-page", { indicator: "critical" });
      expect((await summary()).body.status).toEqual({ indicator: "critical", description: "Major System Outage" });
      await t.control("POST", "/_sim/status-page", { available: false });
      expect((await summary()).status).toBe(503);
    });
  });
});
