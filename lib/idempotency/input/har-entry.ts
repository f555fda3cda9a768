// One HAR 1.2 entry as an exchange, tolerant of what producers actually write: `postData.text` or only
// `params`, base64 bodies, `-1` for unknown timings, status 0 or -1 and a non-empty `_error` for requests that got
// no answer, HTTP/2 pseudo-headers, and optional fields left out. Custom `_fields` are ignored.
import { headerMap } from "@/lib/idempotency/headers";
import { cutUrlLength, keptUrl } from "@/lib/idempotency/input/kept-url";
import { usableDuration, usableTime } from "@/lib/idempotency/input/time";
import type { Exchange } from "@/lib/idempotency/types";

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

const hasError = (v: unknown): boolean => v !== undefined && v !== null && v !== "" && v !== false;

function decoded(text: string | undefined, encoding: unknown): string | undefined {
  if (text === undefined) return undefined;
  if (typeof encoding === "string" && encoding.toLowerCase() === "base64") {
    return Buffer.from(text, "base64").toString("utf8");
  }
  return text;
}

// Only JSON and text answers can carry Adyen's error codes; images and scripts are not decoded at all.
function isText(mimeType: unknown): boolean {
  return typeof mimeType !== "string" || mimeType === "" || /json|text|javascript|xml/i.test(mimeType);
}

function requestBody(postData: Obj): unknown {
  const text = decoded(str(postData.text), postData.encoding ?? postData._encoding);
  if (text !== undefined && text !== "") return text;
  // Form posts exported by some tools carry only params: the body's fields are there.
  if (Array.isArray(postData.params) && postData.params.length > 0) {
    const fields: Obj = {};
    for (const p of postData.params) {
      const name = str(obj(p).name);
      if (name !== undefined) fields[name] = obj(p).value ?? "";
    }
    return fields;
  }
  return undefined;
}

function duration(entry: Obj): number | null {
  const total = num(entry.time);
  if (total !== undefined && total >= 0) return usableDuration(total);
  const timings = obj(entry.timings);
  // ssl is already part of connect in HAR 1.2.
  const parts = ["blocked", "dns", "connect", "send", "wait", "receive"].map((k) => num(timings[k]) ?? -1);
  const known = parts.filter((v) => v >= 0);
  return known.length > 0 ? usableDuration(known.reduce((a, b) => a + b, 0)) : null;
}

export function harEntryToExchange(value: unknown, file: string, entry: number): Exchange {
  const e = obj(value);
  const request = obj(e.request);
  const response = obj(e.response);
  const requestHeaders = headerMap(request.headers);
  const rawStatus = num(response.status);
  // Chrome writes status 0 and an `_error` text ("net::ERR_…") for requests that never got an answer, and
  // `"_error": null` on every response that did: only an error that says something means no answer.
  const answered = rawStatus !== undefined && rawStatus > 0 && !hasError(e._error) && !hasError(response._error);
  const content = obj(response.content);
  const started = str(e.startedDateTime);
  const url = str(request.url) ?? "";
  return {
    time: started !== undefined ? usableTime(Date.parse(started)) : null,
    method: (str(request.method) ?? "GET").toUpperCase(),
    url: keptUrl(url),
    urlLength: cutUrlLength(url),
    requestHeaders,
    requestBody: requestBody(obj(request.postData)),
    status: answered ? rawStatus : null,
    responseHeaders: answered ? headerMap(response.headers) : {},
    responseBody: answered && isText(content.mimeType) ? decoded(str(content.text), content.encoding) : undefined,
    durationMs: duration(e),
    client: requestHeaders["user-agent"] ?? null,
    origin: { file, entry },
  };
}
