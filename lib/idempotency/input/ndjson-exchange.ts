// One NDJSON log line as an exchange. Two shapes: the canonical one documented in the README, and pino-http's
// `{time, req: {method, url, headers}, res: {statusCode, headers}, responseTime}`. Other lines (a server's own
// log messages) are not exchanges and are skipped.
import { headerMap } from "@/lib/idempotency/headers";
import { cutUrlLength, keptUrl } from "@/lib/idempotency/input/kept-url";
import { usableDuration, usableTime } from "@/lib/idempotency/input/time";
import type { Exchange } from "@/lib/idempotency/types";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** ISO text, epoch milliseconds, or epoch seconds (a number below 10^11); null when none of them (see usableTime). */
export function timeOf(v: unknown): number | null {
  if (typeof v === "number") return usableTime(v < 1e11 ? Math.round(v * 1000) : Math.round(v));
  if (typeof v === "string" && v !== "") {
    if (/^\d+(\.\d+)?$/.test(v)) return timeOf(Number(v));
    return usableTime(Date.parse(v));
  }
  return null;
}

function statusOf(v: unknown): number | null {
  const n = typeof v === "string" && /^\d{3}$/.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : null;
}

function durationOf(v: unknown): number | null {
  return typeof v === "number" ? usableDuration(v) : null;
}

function canonical(line: Obj, file: string, lineNo: number): Exchange {
  const requestHeaders = headerMap(line.requestHeaders);
  const url = str(line.url) ?? "";
  return {
    time: timeOf(line.time),
    method: (str(line.method) ?? "GET").toUpperCase(),
    url: keptUrl(url),
    urlLength: cutUrlLength(url),
    requestHeaders,
    requestBody: line.requestBody,
    status: statusOf(line.status),
    responseHeaders: headerMap(line.responseHeaders),
    responseBody: line.responseBody,
    durationMs: durationOf(line.durationMs),
    client: str(line.client) ?? requestHeaders["user-agent"] ?? null,
    origin: { file, line: lineNo },
  };
}

/** pino-http logs what a server saw: the URL is usually a path, the host is in the Host header. */
function pinoUrl(req: Obj, headers: Record<string, string>): string {
  const url = str(req.originalUrl) ?? str(req.url) ?? "";
  if (/^https?:\/\//i.test(url)) return url;
  const host = headers["x-forwarded-host"] ?? headers.host;
  if (!host) return url;
  const proto = headers["x-forwarded-proto"] ?? "https";
  return `${proto}://${host}${url.startsWith("/") ? "" : "/"}${url}`;
}

function pino(line: Obj, req: Obj, file: string, lineNo: number): Exchange {
  const res = isObj(line.res) ? line.res : {};
  const requestHeaders = headerMap(req.headers);
  const url = pinoUrl(req, requestHeaders);
  return {
    time: timeOf(line.time),
    method: (str(req.method) ?? "GET").toUpperCase(),
    url: keptUrl(url),
    urlLength: cutUrlLength(url),
    requestHeaders,
    requestBody: req.body,
    status: statusOf(res.statusCode ?? res.status),
    responseHeaders: headerMap(res.headers),
    responseBody: res.body,
    durationMs: durationOf(line.responseTime),
    client: str(line.client) ?? requestHeaders["user-agent"] ?? null,
    origin: { file, line: lineNo },
  };
}

/** The exchange a parsed line describes, or null for lines that are not HTTP exchanges. */
export function ndjsonLineToExchange(value: unknown, file: string, lineNo: number): Exchange | null {
  if (!isObj(value)) return null;
  if (isObj(value.req) && typeof value.req.method === "string") return pino(value, value.req, file, lineNo);
  if (typeof value.method === "string" && typeof value.url === "string") return canonical(value, file, lineNo);
  return null;
}
