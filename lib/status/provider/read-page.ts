// Reads a status page: fetch, tell the format by content, and when the URL gave a page for people (Adyen's
// single-page app, a Statuspage site) look for its data under the same root. A page that cannot be read, or that
// reads as nothing known, is `unknown` with the reason: never `operational`.
import { readLimitedText } from "@/lib/http/limited-body";
import { adyenReading } from "./adyen";
import { detectFormat, type Detected } from "./detect";
import { feedReading } from "./feeds";
import { statuspageReading } from "./statuspage";
import { unreadable, type ProviderReading } from "./types";

export const DEFAULT_STATUS_URL = "https://status.adyen.com";
const MAX_BYTES = 2 * 1024 * 1024;

type Fetched = { ok: true; status: number; body: string; ms: number } | { ok: false; problem: string; ms: number };

async function get(url: string, timeoutMs: number): Promise<Fetched> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, {
      signal: controller.signal,
      redirect: "follow",
      headers: { accept: "application/json, application/rss+xml, application/atom+xml, text/xml;q=0.9, */*;q=0.5" },
    });
    // Read up to the limit and stop there: a huge or endless answer is cut, not read to its end first.
    const body = await readLimitedText(res, MAX_BYTES);
    if (!body.ok) return { ok: false, problem: "the answer is larger than 2 MB", ms: ms() };
    return { ok: true, status: res.status, body: body.text, ms: ms() };
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, problem: `no answer within ${timeoutMs / 1000} s`, ms: ms() };
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { ok: false, problem: cause ? `unreachable (${cause})` : "unreachable", ms: ms() };
  } finally {
    clearTimeout(timer);
  }
}

function describe(f: Fetched, d: Detected | null): string {
  if (!f.ok) return f.problem;
  if (f.status >= 400) return `HTTP ${f.status}`;
  if (d?.kind === "html") return `an HTML page instead of status data (HTTP ${f.status})`;
  return d?.kind === "unrecognised" ? `${d.what} (HTTP ${f.status})` : `HTTP ${f.status}`;
}

function sibling(url: string, from: string, to: string): string {
  return url.replace(from, to);
}

export type PageResult = ProviderReading & { latencyMs: number };

export async function readStatusPage(url: string, opts: { now?: Date; timeoutMs?: number } = {}): Promise<PageResult> {
  const now = opts.now ?? new Date();
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const first = await get(url, timeoutMs);
  const latencyMs = first.ms;
  const detectedFirst = first.ok && first.status < 400 ? detectFormat(first.body) : null;
  const done = (r: ProviderReading): PageResult => ({ ...r, latencyMs });

  const readAdyen = async (incidentsUrl: string, json: Record<string, unknown>) => {
    const mUrl = sibling(incidentsUrl, "incident-messages", "maintenance-messages");
    const m = await get(mUrl, timeoutMs);
    const d = m.ok && m.status < 400 ? detectFormat(m.body) : null;
    if (d?.kind === "adyen-maintenance") return adyenReading(json, d.json, now, null);
    return adyenReading(json, null, now, `maintenance messages unreadable: ${describe(m, d)}`);
  };

  const fromDetected = async (d: Detected, at: string): Promise<ProviderReading | null> => {
    if (d.kind === "adyen-incidents") return readAdyen(at, d.json);
    if (d.kind === "statuspage") return statuspageReading(d.json, now);
    if (d.kind === "rss" || d.kind === "atom") return feedReading(d.xml, d.kind, now);
    return null;
  };

  if (!first.ok || first.status >= 400) return done(unreadable(`status page unreadable: ${describe(first, null)}`));
  const direct = detectedFirst ? await fromDetected(detectedFirst, url) : null;
  if (direct) return done(direct);
  if (detectedFirst?.kind === "adyen-maintenance")
    return done(
      unreadable("status page unreadable: point the URL at the site or its incident messages, not maintenance"),
    );

  // A page for people: look for the data its scripts load, under the same root.
  const root = url.replace(/[?#].*$/, "").replace(/\/+$/, "");
  for (const candidate of [`${root}/api/incident-messages/active`, `${root}/api/v2/summary.json`]) {
    const f = await get(candidate, timeoutMs);
    if (!f.ok || f.status >= 400) continue;
    const reading = await fromDetected(detectFormat(f.body), candidate);
    if (reading) return done(reading);
  }
  return done(unreadable(`status page unreadable: ${describe(first, detectedFirst)}`));
}
