// Webhook HMAC verification for Adyen standard notifications, tolerant of the shapes Adyen really sends.
// Written here rather than taken from the library: its validator throws on a missing amount and
// misreads items whose values are all strings.
import { createHmac, timingSafeEqual } from "node:crypto";

/** A NotificationRequestItem as parsed from JSON; nothing about its shape is trusted. */
export type NotificationItemInput = Readonly<Record<string, unknown>>;

const HEX_KEY = /^(?:[0-9a-fA-F]{2})+$/;

// Adyen's own fixtures contain lower-case variants such as `originalreference`.
function field(item: NotificationItemInput, name: string): unknown {
  if (name in item) return item[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(item)) if (key.toLowerCase() === lower) return item[key];
  return undefined;
}

// Strings are used verbatim (no trimming, no escaping); numbers and booleans as JSON writes them.
function part(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return "";
}

function record(value: unknown): NotificationItemInput {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as NotificationItemInput) : {};
}

/** pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success */
export function hmacSigningString(item: NotificationItemInput): string {
  const amount = record(field(item, "amount"));
  return [
    field(item, "pspReference"),
    field(item, "originalReference"),
    field(item, "merchantAccountCode"),
    field(item, "merchantReference"),
    field(amount, "value"),
    field(amount, "currency"),
    field(item, "eventCode"),
    field(item, "success"),
  ]
    .map(part)
    .join(":");
}

/** Base64 HMAC-SHA256 of the signing string with the hex-decoded key. Throws on a key that is not hex. */
export function computeHmacSignature(item: NotificationItemInput, hexKey: string): string {
  if (!HEX_KEY.test(hexKey)) throw new Error("HMAC key must be an even-length hexadecimal string");
  return createHmac("sha256", Buffer.from(hexKey, "hex")).update(hmacSigningString(item), "utf8").digest("base64");
}

/** The signature Adyen put in `additionalData.hmacSignature`, if it is a string. */
export function receivedHmacSignature(item: NotificationItemInput): string | undefined {
  const signature = field(record(field(item, "additionalData")), "hmacSignature");
  return typeof signature === "string" ? signature : undefined;
}

/**
 * True when the item's signature matches any of the keys (several keys allow rotation).
 * A missing, malformed or wrong-length signature is simply invalid; this never throws.
 */
export function verifyHmacSignature(item: NotificationItemInput, hexKeys: string | readonly string[]): boolean {
  const received = receivedHmacSignature(item);
  if (!received) return false;
  const receivedBytes = Buffer.from(received, "utf8");
  const keys = typeof hexKeys === "string" ? [hexKeys] : hexKeys;
  let isValid = false;
  for (const key of keys) {
    if (!HEX_KEY.test(key)) continue;
    const expected = Buffer.from(computeHmacSignature(item, key), "utf8");
    // timingSafeEqual throws on unequal lengths; a length mismatch is just a mismatch.
    // Every key is checked (no early return) so timing does not reveal which key matched.
    if (expected.length === receivedBytes.length && timingSafeEqual(expected, receivedBytes)) isValid = true;
  }
  return isValid;
}
