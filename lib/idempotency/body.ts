// Request bodies as the rules need them: parsed once (JSON or form-encoded), the merchant account and reference
// that identify a legacy transaction, and a fingerprint that ignores key order and whitespace.
import { fmix, hashText, lane } from "@/lib/idempotency/hash";

export type ParsedBody = { value: unknown; text: string | null };

/** A body larger than this is compared as text, not parsed (Adyen's requests and answers are a few KB). */
export const MAX_PARSED_BODY = 1024 * 1024;
/** Nesting followed by the fingerprint; deeper values count as one. */
const MAX_DEPTH = 64;
/** The merchant account and reference a record keeps (Adyen allows 80 characters for a reference). */
const MAX_FIELD = 1024;

/** JSON text as a value, or undefined when it is not JSON or too large to be worth parsing. */
export function parseJsonText(text: string): unknown {
  if (text.length > MAX_PARSED_BODY) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** JSON text → value; form-encoded text → object; anything else stays text. */
export function parseBody(body: unknown, contentType = ""): ParsedBody {
  if (body === undefined || body === null || body === "") return { value: undefined, text: null };
  if (typeof body !== "string") return { value: body, text: null };
  if (body.length > MAX_PARSED_BODY) return { value: undefined, text: body };
  const trimmed = body.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return { value: parseJsonText(body), text: body };
  if (contentType.includes("x-www-form-urlencoded") || /^[\w.%[\]-]+=[^&]*(&[\w.%[\]-]+=[^&]*)*$/.test(trimmed)) {
    return { value: Object.fromEntries(new URLSearchParams(trimmed)), text: body };
  }
  return { value: undefined, text: body };
}

// The fingerprint is a structural hash of the parsed value, computed without copying or serialising it: objects
// combine their entries with a sum (order does not matter), arrays in order, every value tagged with its type.
// Of its two 32-bit lanes, 53 bits make the fingerprint, a plain number. It is only ever compared between the
// requests of one key, where a chance collision (about 1 in 2^53) is negligible; the earlier sorted copy +
// JSON.stringify + SHA-1 cost three times as much and made a third of the analysis' garbage.
const TAG = { text: 1, string: 2, number: 3, true: 4, false: 5, null: 6, object: 7, array: 8 } as const;
const float = new Float64Array(1);
const words = new Int32Array(float.buffer);

function hashWords(x: number, y: number, tag: number): number {
  lane.b = fmix(Math.imul(x ^ 0x27d4eb2f, 0x165667b1) ^ Math.imul(y, 0xcc9e2d51) ^ tag);
  return fmix(Math.imul(x, 0x1b873593) ^ Math.imul(y ^ tag, 0x85ebca77));
}

function hashValue(v: unknown, depth = 0): number {
  if (typeof v === "string") return hashText(v, TAG.string);
  if (typeof v === "number") {
    // -0 prints as 0 in JSON: the same value.
    float[0] = v === 0 ? 0 : v;
    return hashWords(words[0] as number, words[1] as number, TAG.number);
  }
  if (v === true) return hashWords(0, 0, TAG.true);
  if (v === false) return hashWords(0, 0, TAG.false);
  if (v === null || typeof v !== "object") return hashWords(0, 0, TAG.null);
  if (depth >= MAX_DEPTH) return hashWords(0, 1, TAG.object);
  if (Array.isArray(v)) {
    let a: number = TAG.array;
    let b = ~TAG.array;
    for (const item of v) {
      const ia = hashValue(item, depth + 1);
      a = fmix(Math.imul(a, 0x01000193) ^ ia);
      b = fmix(Math.imul(b, 0x5bd1e995) ^ lane.b);
    }
    lane.b = fmix(b ^ v.length);
    return fmix(a ^ v.length);
  }
  const o = v as Record<string, unknown>;
  let a = 0;
  let b = 0;
  let n = 0;
  // for…in rather than Object.keys: no array of keys per object.
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    const ka = hashText(k, TAG.text);
    const kb = lane.b;
    const va = hashValue(o[k], depth + 1);
    // Key and value mixed before the (commutative) sum, so {a: 1, b: 2} and {a: 2, b: 1} differ.
    a = (a + fmix(Math.imul(ka, 0xcc9e2d51) ^ va)) | 0;
    b = (b + fmix(Math.imul(kb ^ 0x52dce729, 0x1b873593) + lane.b)) | 0;
    n++;
  }
  lane.b = fmix(b ^ Math.imul(n, 0x9e3779b1) ^ TAG.object);
  return fmix(a ^ n ^ Math.imul(TAG.object, 0x85ebca6b));
}

/**
 * Same fingerprint for the same JSON whatever its key order and whitespace (form-encoded bodies compare as the
 * object of their fields); text bodies compare character for character, and a bare number or boolean as the text
 * JSON prints for it.
 */
export function bodyFingerprint(body: ParsedBody): number {
  const v = body.value;
  const a =
    v !== undefined && v !== null && typeof v === "object"
      ? hashValue(v)
      : hashText(v !== undefined ? JSON.stringify(v) : (body.text ?? ""), TAG.text);
  // 32 bits of lane A and 21 of lane B: an integer below 2^53, exact as a JavaScript number.
  return (a >>> 0) * 2 ** 21 + (lane.b >>> 11);
}

function field(value: unknown, name: string): string | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const v = (value as Record<string, unknown>)[name];
  if (typeof v === "number") return String(v);
  if (typeof v !== "string" || v === "") return null;
  return v.length > MAX_FIELD ? v.slice(0, MAX_FIELD) : v;
}

/** `merchantAccount` and `reference`: how the legacy framework identified a transaction. */
export function transactionIdentity(body: ParsedBody): { merchantAccount: string | null; reference: string | null } {
  return { merchantAccount: field(body.value, "merchantAccount"), reference: field(body.value, "reference") };
}
