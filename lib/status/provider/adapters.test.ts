import { describe, expect, it } from "vitest";
import { adyenReading } from "./adyen";
import { detectFormat } from "./detect";
import { feedReading } from "./feeds";
import { statuspageReading } from "./statuspage";
import type { ProviderReading } from "./types";

const NOW = new Date("2026-11-29T10:00:00Z");
const HTML = `<!doctype html><html lang="en"><head><title>Adyen Status</title></head><body><div id="root"></div><script src="/static/js/main.js"></script></body></html>`;

/** Reads one document the way the poller does once it has it (Adyen maintenance given separately). */
function read(body: string, maintenance?: string): ProviderReading | string {
  const d = detectFormat(body);
  if (d.kind === "adyen-incidents") {
    const m = maintenance ? detectFormat(maintenance) : null;
    return adyenReading(d.json, m?.kind === "adyen-maintenance" ? m.json : null, NOW, null);
  }
  if (d.kind === "statuspage") return statuspageReading(d.json, NOW);
  if (d.kind === "rss" || d.kind === "atom") return feedReading(d.xml, d.kind, NOW);
  if (d.kind === "html") return "html";
  return d.kind === "unrecognised" ? `unrecognised: ${d.what}` : d.kind;
}

const adyenIncident = (over: Record<string, unknown> = {}) => ({
  sys: { id: "5xYQ1" },
  title: "Increased errors on terminal payments",
  date: "2026-11-29T09:40:00.000Z",
  resolved: false,
  systemAffected: "PLATFORM_AVAILABILITY",
  severity: "RED",
  incidentStatusCollection: { items: [{ status: "IDENTIFIED", date: "2026-11-29T09:41:00.000Z" }] },
  ...over,
});
const adyen = (items: unknown[]) => JSON.stringify({ incidentMessageCollection: { items } });

describe("Adyen incident-messages adapter", () => {
  it("all green: no open incident", () => {
    const r = read(adyen([]), JSON.stringify({ maintenanceMessageCollection: { items: [] } }));
    expect(r).toMatchObject({ format: "adyen", state: "operational", indicator: "none", incidents: [] });
    expect((r as ProviderReading).components.map((c) => c.name)).toContain("Payments");
  });

  it("degraded component: a YELLOW incident on reporting", () => {
    const r = read(adyen([adyenIncident({ severity: "YELLOW", systemAffected: "CUSTOMER_AREA_REPORTING" })]));
    expect(r).toMatchObject({ state: "degraded", indicator: "minor", paymentsState: "operational" });
    expect((r as ProviderReading).components).toContainEqual({
      name: "Customer Area and reporting",
      status: "degraded",
    });
  });

  it("major incident: RED on payments", () => {
    const r = read(adyen([adyenIncident()])) as ProviderReading;
    expect(r).toMatchObject({ state: "outage", indicator: "major", paymentsState: "outage" });
    expect(r.incidents).toEqual([
      {
        name: "Increased errors on terminal payments",
        impact: "major",
        status: "IDENTIFIED",
        startedAt: "2026-11-29T09:40:00.000Z",
      },
    ]);
  });

  it("resolved incidents (flag or status) are not open", () => {
    const r = read(
      adyen([
        adyenIncident({ resolved: true }),
        adyenIncident({ incidentStatusCollection: { items: [{ status: "IDENTIFIED" }, { status: "RESOLVED" }] } }),
      ]),
    );
    expect(r).toMatchObject({ state: "operational", indicator: "none" });
  });

  it("maintenance in progress", () => {
    const maintenance = JSON.stringify({
      maintenanceMessageCollection: {
        items: [
          { title: "Terminal API maintenance", startDate: "2026-11-29T09:00:00Z", endDate: "2026-11-29T11:00:00Z" },
        ],
      },
    });
    const r = read(adyen([]), maintenance) as ProviderReading;
    expect(r.state).toBe("maintenance");
    expect(r.maintenances).toEqual([
      {
        name: "Terminal API maintenance",
        startsAt: "2026-11-29T09:00:00.000Z",
        endsAt: "2026-11-29T11:00:00.000Z",
        inProgress: true,
      },
    ]);
  });

  it("an item that stopped making sense makes the page unknown, with the reason", () => {
    const r = read(adyen([adyenIncident({ severity: "PURPLE" })])) as ProviderReading;
    expect(r.state).toBe("unknown");
    expect(r.reason).toMatch(/stopped making sense: an incident with severity "PURPLE"/);
  });
});

const summary = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    page: { id: "x", name: "Example", url: "https://status.example.com", updated_at: NOW.toISOString() },
    status: { indicator: "none", description: "All Systems Operational" },
    components: [
      { id: "g", name: "APIs", status: "operational", group: true },
      { id: "a", name: "Terminal API", status: "operational", group: false, group_id: "g" },
      { id: "b", name: "Dashboard", status: "operational", group: false },
    ],
    incidents: [],
    scheduled_maintenances: [],
    ...over,
  });

describe("Statuspage v2 adapter", () => {
  it("all green", () => {
    const r = read(summary()) as ProviderReading;
    expect(r).toMatchObject({
      format: "statuspage",
      state: "operational",
      indicator: "none",
      description: "All Systems Operational",
    });
    expect(r.components).toEqual([
      { name: "Terminal API", status: "operational" },
      { name: "Dashboard", status: "operational" },
    ]);
  });

  it("degraded component", () => {
    const r = read(
      summary({
        status: { indicator: "minor", description: "Minor Service Outage" },
        components: [
          { name: "Dashboard", status: "degraded_performance" },
          { name: "Terminal API", status: "operational" },
        ],
      }),
    );
    expect(r).toMatchObject({ state: "degraded", indicator: "minor", paymentsState: "operational" });
  });

  it("major incident", () => {
    const r = read(
      summary({
        status: { indicator: "major", description: "Partial System Outage" },
        components: [{ name: "Terminal API", status: "partial_outage" }],
        incidents: [
          {
            name: "Cloud terminals unreachable",
            impact: "major",
            status: "identified",
            started_at: "2026-11-29T09:50:00Z",
          },
        ],
      }),
    ) as ProviderReading;
    expect(r).toMatchObject({ state: "outage", indicator: "major", paymentsState: "outage" });
    expect(r.incidents[0]).toEqual({
      name: "Cloud terminals unreachable",
      impact: "major",
      status: "identified",
      startedAt: "2026-11-29T09:50:00.000Z",
    });
  });

  it("maintenance in progress", () => {
    const r = read(
      summary({
        scheduled_maintenances: [
          {
            name: "Database upgrade",
            status: "in_progress",
            scheduled_for: "2026-11-29T09:00:00Z",
            scheduled_until: "2026-11-29T12:00:00Z",
          },
        ],
      }),
    );
    expect(r).toMatchObject({ state: "maintenance", indicator: "none" });
  });
});

const rss = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Status</title>${items}</channel></rss>`;
const rssItem = (title: string, latest: string, date = "Sun, 29 Nov 2026 09:30:00 +0000") =>
  `<item><title>${title}</title><description>&lt;p&gt;&lt;strong&gt;${latest}&lt;/strong&gt; - update&lt;/p&gt;</description><pubDate>${date}</pubDate></item>`;
const atom = (entries: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>${entries}</feed>`;
const atomEntry = (title: string, latest: string, updated = "2026-11-29T09:30:00Z") =>
  `<entry><title>${title}</title><updated>${updated}</updated><content type="html">&lt;strong&gt;${latest}&lt;/strong&gt; - text</content></entry>`;

describe("RSS and Atom adapters", () => {
  it.each([
    ["rss", rss(rssItem("Old outage", "Resolved", "Sat, 21 Nov 2026 09:30:00 +0000"))],
    ["atom", atom(atomEntry("Old outage", "Resolved", "2026-11-20T09:30:00Z"))],
  ])("%s all green: only resolved or old posts", (format, body) => {
    expect(read(body)).toMatchObject({ format, state: "operational", indicator: "none", incidents: [] });
  });

  it.each([
    ["rss", rss(rssItem("Terminal payments failing", "Identified"))],
    ["atom", atom(atomEntry("Terminal payments failing", "Investigating"))],
  ])("%s open incident: degraded, severity unknown", (_f, body) => {
    const r = read(body) as ProviderReading;
    expect(r).toMatchObject({ state: "degraded", indicator: null, paymentsState: "degraded" });
    expect(r.incidents[0]?.name).toBe("Terminal payments failing");
  });

  it.each([
    ["rss", rss(rssItem("Network maintenance", "In progress"))],
    ["atom", atom(atomEntry("Network maintenance", "In progress"))],
  ])("%s maintenance in progress", (_f, body) => {
    expect(read(body)).toMatchObject({ state: "maintenance" });
  });
});

describe("content that is no status document", () => {
  it("an HTML page (what Adyen answers with 200 for every unknown path) is not status data", () => {
    expect(read(HTML)).toBe("html");
  });

  it.each([
    ["garbage", "\u0000\u0001 this is not a document"],
    ["malformed JSON", '{"incidentMessageCollection": {"items": ['],
    ["JSON of another kind", '{"hello":"world"}'],
    ["malformed XML", "<rss><channel><item></rss>"],
    ["empty", ""],
  ])("%s is recognised as nothing", (_n, body) => {
    expect(read(body)).toMatch(/^unrecognised/);
  });
});
