// Headers from any producer as one shape: lower-case names, repeated headers joined with ", ".
import type { HeaderMap } from "@/lib/idempotency/types";

function add(out: HeaderMap, name: unknown, value: unknown): void {
  if (typeof name !== "string" || name === "" || name.startsWith(":")) return;
  if (value === undefined || value === null) return;
  const text = Array.isArray(value) ? value.map(String).join(", ") : String(value);
  const key = name.toLowerCase();
  const prev = out[key];
  out[key] = prev === undefined ? text : `${prev}, ${text}`;
}

/** `{name: value}` (pino, Node) or `[{name, value}]` (HAR, the canonical log's array form). */
export function headerMap(input: unknown): HeaderMap {
  const out: HeaderMap = {};
  if (Array.isArray(input)) {
    for (const h of input)
      if (h && typeof h === "object") add(out, (h as { name?: unknown }).name, (h as { value?: unknown }).value);
  } else if (input && typeof input === "object") {
    for (const [name, value] of Object.entries(input)) add(out, name, value);
  }
  return out;
}

/** A response says the error is transient (Adyen: `transient-error: true`). */
export function isTransientResponse(headers: HeaderMap): boolean {
  return headers["transient-error"]?.trim().toLowerCase() === "true";
}
