// Redaction applied before anything of the traffic is stored: credentials, card numbers, CVCs, encrypted card
// fields and shopper emails. Errs on the side of removing too much (a 16-digit id that passes Luhn and starts
// like a card is redacted too); PSP references (starting with 8 or 9) and epoch-ms times (1…) are kept.
// Linear in its input: the e-mail and encrypted-blob finders are scans (redaction/scan.ts), the card pattern has
// only bounded quantifiers, and a text is cut to what is stored before it is redacted (cutForStorage).
import { memoized } from "@/lib/idempotency/memo";
import { findEmails, findEncrypted, replaceSpans } from "@/lib/idempotency/redaction/scan";
import type { HeaderMap } from "@/lib/idempotency/types";

export const REDACTED = "[redacted]";
const ENCODED_REDACTED = encodeURIComponent(REDACTED);
/** Bodies of this dashboard's own calls are stored up to this many characters. */
const MAX_BODY = 4_096;
/** A body larger than this is not parsed for its fields: it is cut and scanned as text. */
const MAX_PARSED_BODY = 64 * 1024;
/** What a stored URL keeps at most (evidence, recorded calls); a longer one is cut and marked. */
export const MAX_URL = 8_192;
/** Appended to a text that was cut. */
export const CUT_MARK = "…";
// Redaction looks this far past a cut, so that a card number or address across the cut is still found whole.
export const CUT_MARGIN = 512;

const SECRET_HEADER =
  /^(x-api-key|authorization|proxy-authorization|cookie|set-cookie|x-auth-token|x-csrf-token)$|api[-_]?key|secret|token|password|signature|session/i;
const SECRET_FIELD =
  /^(cvc|cvv|cvv2|cid|securityCode|cardSecurityCode|holderName|password|apiKey|x-api-key|authorization|token|secret)$|^encrypted|email|hmacSignature/i;
const SECRET_PARAM = /key|token|secret|password|signature|auth|session|email|cvc|card/i;

// 13–19 digits, optionally grouped by single spaces or dashes, starting with a card network's digit (2–6).
// Not inside a longer number or a decimal fraction; a full stop after it is fine. Bounded: at most 37 characters
// are tried from a start, and a start inside a run of digits is refused by the look-behind at once.
const PAN_CANDIDATE = /(?<!\d|\d\.)[2-6](?:[ -]?\d){12,18}(?!\d|\.\d)/g;
// Twelve digits, optionally grouped by four: every card number contains such a run (UUIDs rarely do).
const DIGIT_RUN = /\d{4}[ -]?\d{4}[ -]?\d{4}/;
const SEPARATORS = /[ -]/g;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Card numbers, emails and encrypted blobs inside any text. */
export function redactText(text: string): string {
  // Cheap checks first: most texts (header values, URLs) contain none of these.
  let out = text;
  if (out.includes("adyenjs_") || out.includes("eyJ")) out = replaceSpans(out, findEncrypted(out), "[encrypted]");
  if (out.includes("@")) out = replaceSpans(out, findEmails(out), "[email]");
  if (DIGIT_RUN.test(out)) {
    out = out.replace(PAN_CANDIDATE, (run) => {
      const digits = run.replace(SEPARATORS, "");
      return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? "[card]" : run;
    });
  }
  return out;
}

/**
 * A text as stored: at most `max` characters, redacted, with CUT_MARK when it was longer. Redaction sees a little
 * more than is kept, so a card number or address that crosses the cut is found whole and never kept in part.
 */
export function redactCut(text: string, max: number, redact: (t: string) => string = redactText): string {
  if (text.length <= max) return redact(text);
  return redact(text.slice(0, max + CUT_MARGIN)).slice(0, max) + CUT_MARK;
}

/** A JSON value with secret fields replaced and every string scanned for card numbers and emails. */
export function redactJson(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactCut(value, MAX_BODY);
  if (typeof value === "number" && Number.isInteger(value) && value > 1e12)
    return redactText(String(value)) === String(value) ? value : "[card]";
  if (value === null || typeof value !== "object" || depth > 20) return value;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) ? REDACTED : redactJson(v, depth + 1);
  return out;
}

export function redactHeaders(headers: HeaderMap): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = SECRET_HEADER.test(name) ? REDACTED : redactText(value);
  return out;
}

/**
 * A URL with credentials dropped and sensitive query parameters redacted, cut to MAX_URL characters (remembered:
 * logs repeat URLs).
 */
export const redactUrl = memoized((url: string) => redactCut(url, MAX_URL, redactUrlOnce));

/** Form or query parameters with the sensitive ones' values replaced, in one pass (set() per name is quadratic). */
function redactedParams(params: URLSearchParams, isSecret: (name: string) => boolean): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of params) out.append(name, isSecret(name) ? REDACTED : value);
  return out;
}

/** Serialised parameters as stored: scanned as text, the markers readable. */
const storedText = (serialised: string) => redactText(serialised).replaceAll(ENCODED_REDACTED, REDACTED);

const isSecretParam = (name: string) => SECRET_PARAM.test(name);

function redactUrlOnce(url: string): string {
  try {
    const u = new URL(url);
    // Credentials in the URL are dropped altogether.
    u.username = "";
    u.password = "";
    // Rewritten only when something is redacted, so other queries are stored exactly as they were sent.
    if ([...u.searchParams.keys()].some(isSecretParam))
      u.search = redactedParams(u.searchParams, isSecretParam).toString();
    return storedText(u.toString());
  } catch {
    return redactText(url);
  }
}

/** A body as stored for evidence or exchange records: redacted, then cut to a few KB. */
export function redactBody(body: unknown): string | null {
  if (body === undefined || body === null || body === "") return null;
  let text: string;
  if (typeof body === "string") {
    const trimmed = body.trimStart();
    if (body.length > MAX_PARSED_BODY) {
      return redactCut(body, MAX_BODY);
    } else if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        text = JSON.stringify(redactJson(JSON.parse(body)));
      } catch {
        text = redactText(body);
      }
    } else if (/^[\w.%[\]-]+=/.test(trimmed)) {
      const params = redactedParams(new URLSearchParams(trimmed), (n) => isSecretParam(n) || SECRET_FIELD.test(n));
      text = storedText(params.toString());
    } else {
      text = redactText(body);
    }
  } else {
    text = JSON.stringify(redactJson(body)) ?? "";
  }
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}${CUT_MARK}` : text;
}
