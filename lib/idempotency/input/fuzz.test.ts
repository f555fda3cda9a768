// A bounded-time fuzz of both readers and the analysis behind them: random documents (nesting, string lengths,
// escapes, multi-byte and broken characters, BOMs), mutated (bytes flipped, cut anywhere), plain or gzip, fed in
// chunks of random sizes. Whatever arrives, reading either goes through or stops with a known reason at a named
// place; nothing throws, nothing kept exceeds its bound. Seeded: a failure names the case that reproduces it.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_HEADER_VALUE } from "@/lib/idempotency/headers";
import { MAX_KEPT_URL } from "@/lib/idempotency/input/kept-url";
import { isStopCode, stopText } from "@/lib/idempotency/input/stops";
import { readAll } from "@/lib/idempotency/input/test-support";
import { analyzeInMemory } from "@/lib/idempotency/test-support";

type Rng = () => number;

/** mulberry32: small, fast and good enough to vary inputs reproducibly. */
function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const int = (rng: Rng, max: number) => Math.floor(rng() * (max + 1));

const PIECES = [
  "a",
  "Z",
  "0",
  " ",
  '"',
  "\\",
  "\n",
  "\t",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  "é",
  "中",
  "😀",
  "\ud800",
  "\u0000",
  "@",
  ".",
];
const URLS = [
  "https://checkout-test.adyen.com/v71/payments",
  "https://checkout-test.adyen.com/v71/paymentLinks",
  "https://pal-test.adyen.com/pal/servlet/Payment/v68/authorise",
  "https://example.com/",
  "",
];

function text(rng: Rng): string {
  const length = pick(rng, [0, 1, 3, 10, 40, 200, 2000, 12_000]);
  let out = "";
  while (out.length < length) out += pick(rng, PIECES);
  return out;
}

function value(rng: Rng, depth: number): unknown {
  const kind = depth <= 0 ? int(rng, 3) : int(rng, 5);
  if (kind === 0) return text(rng);
  if (kind === 1) return pick(rng, [0, -1, 1.5, 1e308, 4111111111111111, 200, 704]);
  if (kind === 2) return pick(rng, [true, false, null]);
  if (kind === 3) return text(rng).slice(0, 20);
  if (kind === 4) return Array.from({ length: int(rng, 3) }, () => value(rng, depth - 1));
  const o: Record<string, unknown> = {};
  for (let i = int(rng, 3); i > 0; i--) o[text(rng).slice(0, 30)] = value(rng, depth - 1);
  return o;
}

/** A value nested `depth` levels deep (some cases go past the readers' limit of 64). */
function nested(rng: Rng, depth: number): unknown {
  let v: unknown = value(rng, 1);
  for (let i = 0; i < depth; i++) v = rng() < 0.5 ? [v] : { x: v };
  return v;
}

function headers(rng: Rng): unknown {
  const names = ["Idempotency-Key", "Pragma", "User-Agent", "Content-Type", "transient-error", text(rng).slice(0, 8)];
  const list = Array.from({ length: int(rng, 4) }, () => ({
    name: pick(rng, names),
    value:
      rng() < 0.8
        ? pick(rng, ["process-retry", "true", "k-1", "0f8fad5b-d9cb-469f-a165-70867728950e", text(rng)])
        : value(rng, 1),
  }));
  return rng() < 0.5 ? list : Object.fromEntries(list.map((h) => [h.name, h.value]));
}

function harEntry(rng: Rng): unknown {
  return {
    startedDateTime: pick(rng, ["2026-01-05T10:00:00.000Z", "garbage", 12, "-271821-04-20T00:00:00Z"]),
    time: pick(rng, [-1, 12, 1e308, "x"]),
    request: {
      method: pick(rng, ["POST", "GET", "post", 7]),
      url: pick(rng, URLS) + (rng() < 0.2 ? `?q=${text(rng)}` : ""),
      headers: headers(rng),
      postData: rng() < 0.7 ? { mimeType: "application/json", text: JSON.stringify(value(rng, 3)) } : value(rng, 2),
    },
    response: {
      status: pick(rng, [0, -1, 200, 422, 500, "200"]),
      headers: headers(rng),
      content: { mimeType: pick(rng, ["application/json", "image/png", 3]), text: text(rng) },
      _error: pick(rng, [undefined, null, "", "net::ERR_FAILED"]),
    },
    _custom: rng() < 0.2 ? nested(rng, int(rng, 90)) : undefined,
  };
}

function ndjsonLine(rng: Rng): string {
  const kind = int(rng, 4);
  if (kind === 0) return text(rng);
  if (kind === 1) return JSON.stringify(value(rng, 4));
  if (kind === 2)
    return JSON.stringify({
      req: { method: "POST", url: "/v71/payments", headers: headers(rng) },
      res: { statusCode: 200 },
    });
  return JSON.stringify({
    time: pick(rng, ["2026-01-05T10:00:00Z", 1767607200, "x", 1e20]),
    method: pick(rng, ["POST", "GET"]),
    url: pick(rng, URLS),
    requestHeaders: headers(rng),
    requestBody: rng() < 0.3 ? nested(rng, int(rng, 90)) : value(rng, 3),
    status: pick(rng, [null, 200, 422, "500"]),
    responseBody: value(rng, 2),
  });
}

function document(rng: Rng): Buffer {
  let doc: string;
  if (rng() < 0.5) {
    const log = {
      version: "1.2",
      creator: value(rng, 2),
      pages: rng() < 0.2 ? nested(rng, int(rng, 90)) : value(rng, 2),
      entries: Array.from({ length: int(rng, 6) }, () => (rng() < 0.9 ? harEntry(rng) : value(rng, 2))),
    };
    doc = JSON.stringify({ log }, null, rng() < 0.5 ? 2 : undefined);
  } else {
    doc = Array.from({ length: int(rng, 12) }, () => ndjsonLine(rng)).join(pick(rng, ["\n", "\r\n", "\n\n"]));
  }
  let bytes = Buffer.from((rng() < 0.1 ? "\ufeff" : "") + doc);
  // Mutations: bytes flipped, a cut anywhere.
  if (rng() < 0.3) {
    bytes = Buffer.from(bytes);
    for (let i = int(rng, 5); i > 0 && bytes.length > 0; i--) bytes[int(rng, bytes.length - 1)] = int(rng, 255);
  }
  if (rng() < 0.3) bytes = bytes.subarray(0, int(rng, bytes.length));
  if (rng() < 0.3) {
    bytes = gzipSync(bytes);
    if (rng() < 0.3) bytes = bytes.subarray(0, int(rng, bytes.length));
  }
  return bytes;
}

const CASES = 300;
const LIMITS = { maxContentBytes: 4 * 1024 * 1024, maxEntryBytes: 64 * 1024, maxLineBytes: 64 * 1024 };

describe("fuzzed input", () => {
  it(`${CASES} random documents: read or stopped with a reason, analysed, nothing over its bound`, async () => {
    for (let n = 0; n < CASES; n++) {
      const rng = rngOf(20260105 + n);
      const bytes = document(rng);
      // Byte by byte only for small documents: the point is the boundaries, not the time.
      const chunk = Math.max(pick(rng, [1, 7, 100, 4096, 65_536]), bytes.length > 20_000 ? 100 : 1);
      const { exchanges, result } = await readAll(bytes, { chunk, limits: LIMITS });
      const where = `case ${n} (seed ${20260105 + n}, chunk ${chunk})`;
      expect(exchanges.length, where).toBe(result.entries);
      if (result.stop) {
        expect(isStopCode(result.stop.code), where).toBe(true);
        expect(result.stop.reason, where).toBe(stopText(result.stop.code, result.stop.params));
        const place = result.stop.line ?? result.stop.entry;
        expect(Number.isInteger(place) && (place as number) >= 0, where).toBe(true);
      }
      for (const x of exchanges) {
        expect(x.url.length, where).toBeLessThanOrEqual(MAX_KEPT_URL);
        for (const v of Object.values(x.requestHeaders))
          expect(v.length, where).toBeLessThanOrEqual(MAX_HEADER_VALUE + 1);
      }
      const { findings, count } = await analyzeInMemory(exchanges, { keyCap: 4, chainCap: 4 });
      expect(() => JSON.stringify(findings), where).not.toThrow();
      expect(findings.filter((f) => f.code === "key_too_long").length, where).toBe(count("key_too_long"));
    }
  });
});
