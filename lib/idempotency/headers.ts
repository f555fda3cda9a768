// Headers from any producer as one shape: lower-case names, repeated headers joined with ", ", each value at
// most MAX_HEADER_VALUE characters (a record of an open chain keeps some, and the key is compared whole).
import type { HeaderMap } from "@/lib/idempotency/types";

export const MAX_HEADER_VALUE = 8 * 1024;

// A value that is not text (a broken log) is kept as its JSON, not as "[object Object]".
const textOf = (v: unknown): string =>
  typeof v === "string" ? v : v !== null && typeof v === "object" ? JSON.stringify(v) : String(v);

function add(out: HeaderMap, name: unknown, value: unknown): void {
  if (typeof name !== "string" || name === "" || name.charCodeAt(0) === 0x3a) return;
  if (value === undefined || value === null) return;
  const text = typeof value === "string" ? value : Array.isArray(value) ? value.map(textOf).join(", ") : textOf(value);
  const key = name.length > MAX_HEADER_VALUE ? name.slice(0, MAX_HEADER_VALUE).toLowerCase() : name.toLowerCase();
  const prev = out[key];
  if (prev !== undefined && prev.length >= MAX_HEADER_VALUE) return;
  const joined = prev === undefined ? text : `${prev}, ${text}`;
  out[key] = joined.length > MAX_HEADER_VALUE ? `${joined.slice(0, MAX_HEADER_VALUE)}…` : joined;
}

/** `{name: value}` (pino, Node) or `[{name, value}]` (HAR, the canonical log's array form). */
export function headerMap(input: unknown): HeaderMap {
  const out: HeaderMap = {};
  if (Array.isArray(input)) {
    for (const h of input)
      if (h && typeof h === "object") add(out, (h as { name?: unknown }).name, (h as { value?: unknown }).value);
  } else if (input && typeof input === "object") {
    const o = input as Record<string, unknown>;
    for (const name in o) if (Object.hasOwn(o, name)) add(out, name, o[name]);
  }
  return out;
}

/** A response says the error is transient (Adyen: `transient-error: true`). */
export function isTransientResponse(headers: HeaderMap): boolean {
  return headers["transient-error"]?.trim().toLowerCase() === "true";
}
