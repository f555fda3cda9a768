// The status page reader against the simulator over HTTP: Adyen's real site (JSON under /api/, HTML with 200
// everywhere else), a Statuspage page found from its root, feeds, and pages that cannot be read.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { simPerSuite } from "@/sim/test-support/sim-per-suite";
import { readStatusPage } from "./read-page";

describe("reading a status page over HTTP", () => {
  const t = simPerSuite();
  const page = (path = "") => `${t.sim.url}/status${path}`;

  it("reads Adyen's site from its root: the app's HTML first, then its incident and maintenance messages", async () => {
    const r = await readStatusPage(page());
    expect(r).toMatchObject({ format: "adyen", state: "operational", indicator: "none", reason: null });
    await t.control("POST", "/_sim/status-page/incidents", {
      name: "Cloud terminals unreachable",
      impact: "major",
      componentIds: ["terminalcloud"],
    });
    const red = await readStatusPage(page());
    expect(red).toMatchObject({ state: "outage", indicator: "major", paymentsState: "outage" });
    expect(red.incidents).toMatchObject([
      { name: "Cloud terminals unreachable", impact: "major", status: "IDENTIFIED" },
    ]);
  });

  it("summary.json and history.atom on Adyen's site are its HTML with 200: unknown, with the reason", async () => {
    for (const path of ["/api/v2/summary.json", "/history.atom"]) {
      const r = await readStatusPage(page(path));
      expect(r).toMatchObject({
        format: null,
        state: "unknown",
        reason: "status page unreadable: an HTML page instead of status data (HTTP 200)",
      });
    }
  });

  it("finds Statuspage JSON from a Statuspage site's root, and reads its feeds", async () => {
    await t.control("POST", "/_sim/status-page", { format: "statuspage" });
    await t.control("POST", "/_sim/status-page/maintenances", { name: "Router swap", componentIds: ["terminalcloud"] });
    expect(await readStatusPage(page())).toMatchObject({
      format: "statuspage",
      state: "maintenance",
      indicator: "none",
    });
    await t.control("POST", "/_sim/status-page/incidents", { name: "Terminal payments failing", impact: "critical" });
    expect(await readStatusPage(page("/history.rss"))).toMatchObject({ format: "rss", state: "degraded" });
    expect(await readStatusPage(page("/history.atom"))).toMatchObject({ format: "atom", state: "degraded" });
    expect(await readStatusPage(page("/api/v2/status.json"))).toMatchObject({
      format: "statuspage",
      state: "outage",
      indicator: "critical",
    });
  });

  it("a 5xx page and an unreachable host are unknown with the reason", async () => {
    await t.control("POST", "/_sim/status-page", { available: false });
    expect(await readStatusPage(page())).toMatchObject({
      state: "unknown",
      reason: "status page unreadable: HTTP 503",
    });
    const gone = await readStatusPage("http://127.0.0.1:9/status", { timeoutMs: 2000 });
    expect(gone).toMatchObject({
      state: "unknown",
      reason: expect.stringMatching(/^status page unreadable: unreachable/),
    });
  });

  it("a page that answers too slowly is unknown", async () => {
    await t.control("POST", "/_sim/faults/latency", { family: "statuspage", ms: 1500 });
    const slow = await readStatusPage(page(), { timeoutMs: 300 });
    expect(slow).toMatchObject({ state: "unknown", reason: "status page unreadable: no answer within 0.3 s" });
  });

  it("stops reading an answer at 2 MB, even one that never ends", async () => {
    let closed = false;
    const endless = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(`{"incidents": [${'"x",'.repeat(800_000)}`);
      res.on("close", () => (closed = true));
    });
    await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/api/incident-messages/active`;
      const r = await readStatusPage(url, { timeoutMs: 20_000 });
      expect(r).toMatchObject({ state: "unknown", reason: "status page unreadable: the answer is larger than 2 MB" });
      await expect.poll(() => closed).toBe(true);
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });
});
