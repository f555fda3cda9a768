// Redaction applied before anything of the traffic is stored: credentials, card numbers, CVCs, encrypted card
// fields and shopper emails. Errs on the side of removing too much (a 16-digit id that passes Luhn and starts
// like a card is redacted too); PSP references (starting with 8 or 9) and epoch-ms times (1…) are kept.
import type { HeaderMap } from "@/lib/idempotency/types";

export const REDACTED = "[redacted]";
const ENCODED_REDACTED = encodeURIComponent(REDACTED);
const MAX_TEXT = 4_096;

const SECRET_HEADER =
  /^(x-api-key|authorization|proxy-authorization|cookie|set-cookie|x-auth-token|x-csrf-token)$|api[-_]?key|secret|token|password|signature|session/i;
const SECRET_FIELD =
  /^(cvc|cvv|cvv2|cid|securityCode|cardSecurityCode|holderName|password|apiKey|x-api-key|authorization|token|secret)$|^encrypted|email|hmacSignature/i;
const SECRET_PARAM = /key|token|secret|password|signature|auth|session|email|cvc|card/i;

// 13–19 digits, optionally grouped by single spaces or dashes, starting with a card network's digit (2–6).
// Not inside a longer number or a decimal fraction; a full stop after it is fine.
const PAN_CANDIDATE = /(?<!\d|\d\.)[2-6](?:[ -]?\d){12,18}(?!\d|\.\d)/g;
// Twelve digits, optionally grouped by four: every card number contains such a run (UUIDs rarely do).
const DIGIT_RUN = /\d{4}[ -]?\d{4}[ -]?\d{4}/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Adyen's client-side encryption output and similar blobs.
const ENCRYPTED = /adyenjs_[0-9_]+\$[A-Za-z0-9+/=$_-]+|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9._-]{10,}/g;

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
  if (out.includes("adyenjs_") || out.includes("eyJ")) out = out.replace(ENCRYPTED, "[encrypted]");
  if (out.includes("@")) out = out.replace(EMAIL, "[email]");
  if (DIGIT_RUN.test(out)) {
    out = out.replace(PAN_CANDIDATE, (run) => {
      const digits = run.replace(/[ -]/g, "");
      return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? "[card]" : run;
    });
  }
  return out;
}

/** A JSON value with secret fields replaced and every string scanned for card numbers and emails. */
export function redactJson(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
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

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    // Credentials in the URL are dropped altogether.
    u.username = "";
    u.password = "";
    for (const name of [...new Set(u.searchParams.keys())]) {
      if (SECRET_PARAM.test(name)) u.searchParams.set(name, REDACTED);
    }
    return redactText(u.toString()).replaceAll(ENCODED_REDACTED, REDACTED);
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
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        text = JSON.stringify(redactJson(JSON.parse(body)));
      } catch {
        text = redactText(body);
      }
    } else if (/^[\w.%[\]-]+=/.test(trimmed)) {
      const params = new URLSearchParams(trimmed);
      for (const name of [...new Set(params.keys())])
        if (SECRET_PARAM.test(name) || SECRET_FIELD.test(name)) params.set(name, REDACTED);
      text = redactText(params.toString()).replaceAll(ENCODED_REDACTED, REDACTED);
    } else {
      text = redactText(body);
    }
  } else {
    text = JSON.stringify(redactJson(body)) ?? "";
  }
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
