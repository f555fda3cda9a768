// Which requests are Adyen API calls, in which region, to which endpoint (the same across API versions), and
// whether that endpoint takes an Idempotency-Key. Pure: the configured base URL's host comes in as a parameter.

/** test; live-eu, live-us, live-au, live-apse, live-in; live (a webhook says live, not where); unknown. */
export type Region = string;

export type AdyenTarget = {
  /** Versionless, ids replaced: "Checkout /payments", "Payment /authorise", "Transfers /transfers". */
  endpoint: string;
  region: Region;
  /** POST to Checkout, classic Payment and Payout, and Transfers accept Idempotency-Key. */
  acceptsKey: boolean;
};

/** Hosts other than Adyen's that stand for Adyen (the host of ADYEN_API_BASE_URL), with their region. */
export type ExtraHosts = ReadonlyMap<string, Region>;

const ADYEN_DOMAIN = /(?:^|\.)(?:adyen\.com|adyenpayments\.com)$/i;
const LIVE_REGION = /-live-(us|au|apse|in)$/;
const LIVE = /(?:^|-)live$/;
const TEST = /(?:^|-)test$/;
const KEY_SERVICES = new Set(["Payment", "Payout"]);

/** Region from the first label of an Adyen host: `…-checkout-live-us.adyenpayments.com` → live-us. */
export function regionOfHost(hostname: string): Region {
  const label = hostname.toLowerCase().split(".")[0] ?? "";
  if (TEST.test(label)) return "test";
  const regional = LIVE_REGION.exec(label);
  if (regional) return `live-${regional[1]}`;
  if (LIVE.test(label)) return "live-eu";
  return "unknown";
}

// An id is anything that is not a plain lower-camel word: PSP references, link ids, store ids, UUIDs, accounts.
const LITERAL_SEGMENT = /^[a-z][a-zA-Z]*$/;

function pathTemplate(segments: string[]): string {
  return "/" + segments.map((s) => (LITERAL_SEGMENT.test(s) ? s : "{id}")).join("/");
}

type Family = "checkout" | "pal" | "management" | "device" | "terminal" | "balanceplatform" | "other";

function familyOfHost(hostname: string): Family {
  const label = hostname.toLowerCase().split(".")[0] ?? "";
  if (/(?:^|-)checkout-(?:test|live)/.test(label)) return "checkout";
  if (/(?:^|-)pal-(?:test|live)/.test(label)) return "pal";
  if (label.startsWith("management-")) return "management";
  if (label.startsWith("device-api-")) return "device";
  if (label.startsWith("terminal-api-")) return "terminal";
  if (label.startsWith("balanceplatform-api-")) return "balanceplatform";
  return "other";
}

/** Endpoint from the path alone, the host family deciding only what the path cannot (e.g. /v3/… on management). */
export function endpointOf(pathname: string, family: Family = "other"): { endpoint: string; keyApi: boolean } {
  const segments = pathname.split("/").filter(Boolean);
  const classic = /^\/pal\/servlet\/([A-Za-z]+)\/v\d+\/(.+)$/.exec(pathname);
  if (classic) {
    const service = classic[1] ?? "";
    return {
      endpoint: `${service} ${pathTemplate(classic[2]?.split("/").filter(Boolean) ?? [])}`,
      keyApi: KEY_SERVICES.has(service),
    };
  }
  if (segments[0] === "btl" && /^v\d+$/.test(segments[1] ?? "")) {
    return { endpoint: `Transfers ${pathTemplate(segments.slice(2))}`, keyApi: true };
  }
  if (segments[0] === "bcl" && /^v\d+$/.test(segments[1] ?? "")) {
    return { endpoint: `Balance Platform ${pathTemplate(segments.slice(2))}`, keyApi: false };
  }
  if (segments[0] === "sync" || segments[0] === "async")
    return { endpoint: `Terminal API /${segments[0]}`, keyApi: false };
  // Live Checkout puts /checkout before the version; test and the simulator do not.
  const rest = segments[0] === "checkout" ? segments.slice(1) : segments;
  const version = /^v(\d+)$/.exec(rest[0] ?? "");
  if (version) {
    const n = Number(version[1]);
    const tail = rest.slice(1);
    if (family === "device" || (tail[0] === "merchants" && tail[2] === "devices")) {
      return { endpoint: `Cloud device ${pathTemplate(tail)}`, keyApi: false };
    }
    if (family === "management" || (family !== "checkout" && n <= 3)) {
      return { endpoint: `Management ${pathTemplate(tail)}`, keyApi: false };
    }
    if (family === "checkout" || family === "other")
      return { endpoint: `Checkout ${pathTemplate(tail)}`, keyApi: true };
  }
  return { endpoint: `Adyen ${pathTemplate(segments)}`, keyApi: false };
}

/** The Adyen target of a URL, or null when the host is neither Adyen's nor a configured stand-in. */
export function classifyUrl(url: string, method: string, extraHosts: ExtraHosts = new Map()): AdyenTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const extra = extraHosts.get(parsed.host.toLowerCase());
  if (extra === undefined && !ADYEN_DOMAIN.test(parsed.hostname)) return null;
  const family = extra !== undefined ? "other" : familyOfHost(parsed.hostname);
  const { endpoint, keyApi } = endpointOf(parsed.pathname, family);
  return {
    endpoint,
    region: extra ?? regionOfHost(parsed.hostname),
    acceptsKey: keyApi && method === "POST",
  };
}

/** The stand-in host for ADYEN_API_BASE_URL: same environment as configured (the simulator is TEST). */
export function extraHostsFor(baseUrl: string | undefined, environment: "TEST" | "LIVE", region: string): ExtraHosts {
  if (!baseUrl) return new Map();
  const host = new URL(baseUrl).host.toLowerCase();
  return new Map([[host, environment === "TEST" ? "test" : `live-${region.toLowerCase()}`]]);
}

/** test or live, for the trend (Adyen retired the legacy framework on different dates). */
export function environmentOf(region: Region | null): "test" | "live" | "unknown" {
  if (region === "test") return "test";
  if (region !== null && region.startsWith("live")) return "live";
  return "unknown";
}
