// Request bodies as the rules need them: parsed once (JSON or form-encoded), the merchant account and reference
// that identify a legacy transaction, and a fingerprint that ignores key order and whitespace.
import { createHash } from "node:crypto";

export type ParsedBody = { value: unknown; text: string | null };

/** JSON text → value; form-encoded text → object; anything else stays text. */
export function parseBody(body: unknown, contentType = ""): ParsedBody {
  if (body === undefined || body === null || body === "") return { value: undefined, text: null };
  if (typeof body !== "string") return { value: body, text: null };
  const trimmed = body.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return { value: JSON.parse(body) as unknown, text: body };
    } catch {
      return { value: undefined, text: body };
    }
  }
  if (contentType.includes("x-www-form-urlencoded") || /^[\w.%[\]-]+=[^&]*(&[\w.%[\]-]+=[^&]*)*$/.test(trimmed)) {
    return { value: Object.fromEntries(new URLSearchParams(trimmed)), text: body };
  }
  return { value: undefined, text: body };
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Same fingerprint for the same JSON whatever its key order and whitespace; text bodies compare byte for byte. */
export function bodyFingerprint(body: ParsedBody): string {
  const canonical = body.value !== undefined ? stable(body.value) : (body.text ?? "");
  return createHash("sha1").update(canonical).digest("base64").slice(0, 20);
}

function field(value: unknown, name: string): string | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const v = (value as Record<string, unknown>)[name];
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;
}

/** `merchantAccount` and `reference`: how the legacy framework identified a transaction. */
export function transactionIdentity(body: ParsedBody): { merchantAccount: string | null; reference: string | null } {
  return { merchantAccount: field(body.value, "merchantAccount"), reference: field(body.value, "reference") };
}
