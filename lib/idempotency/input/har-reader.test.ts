import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { harDocument, harEntry, readAll } from "@/lib/idempotency/input/test-support";

const key = { name: "Idempotency-Key", value: "5b1e9a3c-0f0e-4f7e-9a57-1f2d3c4b5a69" };
const json = (v: unknown) => ({ mimeType: "application/json", text: JSON.stringify(v) });

describe("HAR reader", () => {
  it("reads entries one by one whatever the chunk size, across string escapes and nesting", async () => {
    const tricky = 'a "quoted" \\ backslash \\" and } ] { [ , : inside';
    const doc = harDocument([
      harEntry({
        headers: [key],
        postData: json({ merchantAccount: "M", reference: tricky, nested: [{ a: [1, { b: "}" }] }] }),
      }),
      harEntry({ method: "GET", url: "https://example.com/x" }),
    ]);
    for (const chunk of [1, 2, 3, 7, 64, 100_000]) {
      const { exchanges, result } = await readAll(doc, { chunk });
      expect(result.stop, `chunk ${chunk}`).toBeNull();
      expect(result.format).toBe("har");
      expect(exchanges).toHaveLength(2);
      expect(JSON.parse(exchanges[0]?.requestBody as string)).toMatchObject({ reference: tricky });
      expect(exchanges[0]?.requestHeaders["idempotency-key"]).toBe(key.value);
      expect(exchanges[1]?.origin).toEqual({ file: "input", entry: 2 });
    }
  });

  it("takes the body from postData.params when a producer leaves out text", async () => {
    const doc = harDocument([
      harEntry({
        url: "https://pal-test.adyen.com/pal/servlet/Payment/v68/authorise",
        postData: {
          mimeType: "application/x-www-form-urlencoded",
          params: [
            { name: "merchantAccount", value: "ShopEU" },
            { name: "reference", value: "ORDER-1" },
          ],
        },
      }),
    ]);
    const { exchanges } = await readAll(doc);
    expect(exchanges[0]?.requestBody).toEqual({ merchantAccount: "ShopEU", reference: "ORDER-1" });
  });

  it("decodes base64 response content and base64 postData", async () => {
    const body = JSON.stringify({ status: 422, errorCode: "704" });
    const doc = harDocument([
      harEntry({
        postData: {
          mimeType: "application/json",
          text: Buffer.from('{"reference":"R"}').toString("base64"),
          _encoding: "base64",
        },
        status: 422,
        content: {
          size: body.length,
          mimeType: "application/json",
          encoding: "base64",
          text: Buffer.from(body).toString("base64"),
        },
      }),
    ]);
    const { exchanges } = await readAll(doc);
    expect(exchanges[0]?.responseBody).toBe(body);
    expect(exchanges[0]?.requestBody).toBe('{"reference":"R"}');
  });

  it("ignores _custom fields, tolerates missing optional fields and -1 timings, and skips a BOM", async () => {
    const minimal = {
      startedDateTime: "2026-01-05T10:00:01.000Z",
      time: -1,
      _resourceType: "fetch",
      _initiator: { type: "script", stack: { callFrames: [{ url: "a{b}[c]" }] } },
      request: { method: "post", url: "https://checkout-test.adyen.com/v68/payments" },
      response: { status: 0, _error: "net::ERR_CONNECTION_RESET" },
      timings: { send: -1, wait: -1, receive: -1 },
    };
    const doc = "\uFEFF" + harDocument([minimal], { _comment: "exported by a proxy" });
    const { exchanges, result } = await readAll(doc);
    expect(result.stop).toBeNull();
    expect(exchanges[0]).toMatchObject({ method: "POST", status: null, durationMs: null, requestBody: undefined });
    expect(exchanges[0]?.requestHeaders).toEqual({});
  });

  it("falls back to the sum of known timings when time is -1, and uses the User-Agent as client", async () => {
    const entry = harEntry({ time: -1, headers: [{ name: "user-agent", value: "PosClient/2.1" }] });
    const { exchanges } = await readAll(harDocument([entry]));
    expect(exchanges[0]?.durationMs).toBe(120);
    expect(exchanges[0]?.client).toBe("PosClient/2.1");
  });

  it("reads a minified HAR and a gzip-compressed one (recognised by magic bytes, not by name)", async () => {
    const doc = JSON.stringify(JSON.parse(harDocument([harEntry({}), harEntry({})])));
    const plain = await readAll(doc);
    const zipped = await readAll(gzipSync(Buffer.from(doc)), { name: "capture.har", chunk: 5 });
    expect(plain.exchanges).toHaveLength(2);
    expect(zipped.exchanges).toHaveLength(2);
    expect(zipped.result.compressed).toBe(true);
    expect(zipped.result.sha256).toBe(plain.result.sha256);
  });

  it("keeps the entries before a cut-off and names the entry where reading stopped", async () => {
    const doc = harDocument([harEntry({}), harEntry({}), harEntry({})]);
    const cut = doc.slice(0, doc.lastIndexOf('"request"'));
    const { exchanges, result } = await readAll(cut, { name: "cut.har" });
    expect(exchanges).toHaveLength(2);
    expect(result.stop).toEqual({
      entry: 3,
      code: "har_cut_off_entry",
      params: { entry: 3 },
      reason: "the file ends inside entry 3 (cut off)",
    });
  });

  it("names a truncated gzip file's stop", async () => {
    const doc = harDocument(Array.from({ length: 200 }, (_, i) => harEntry({ url: `https://example.com/${i}` })));
    const gz = gzipSync(Buffer.from(doc));
    const { exchanges, result } = await readAll(gz.subarray(0, Math.floor(gz.length * 0.6)));
    expect(exchanges.length).toBeGreaterThan(0);
    expect(exchanges.length).toBeLessThan(200);
    expect(result.stop?.entry).toBe(exchanges.length + 1);
    expect(result.stop?.reason).toMatch(/gzip stream ends early/);
  });

  it("stops at an entry that is not valid JSON, and refuses a document without log.entries", async () => {
    const good = JSON.stringify(harEntry({}));
    const doc = `{"log":{"version":"1.2","entries":[${good},{"request": tru}]}}`;
    const bad = await readAll(doc);
    expect(bad.exchanges).toHaveLength(1);
    expect(bad.result.stop).toEqual({
      entry: 2,
      code: "entry_invalid",
      params: { entry: 2 },
      reason: "entry 2 is not valid JSON",
    });
    const none = await readAll('{"log":{"version":"1.2"}}');
    expect(none.result.stop?.reason).toMatch(/no log.entries/);
  });

  it("refuses an entry larger than the limit without holding it", async () => {
    const big = harEntry({ content: { mimeType: "image/png", text: "A".repeat(5000) } });
    const { result } = await readAll(harDocument([harEntry({}), big]), {
      chunk: 512,
      limits: { maxContentBytes: 1e9, maxEntryBytes: 2048 },
    });
    expect(result.stop?.entry).toBe(2);
    expect(result.stop?.reason).toMatch(/larger than/);
  });

  it("treats a time or a duration no request can have as absent", async () => {
    const doc = harDocument([
      harEntry({ started: "-271821-04-20T00:00:00Z", time: 1e308 }),
      harEntry({ started: "2026-01-05T10:00:00Z", time: 250 }),
    ]);
    const { exchanges, result } = await readAll(doc);
    expect(result.stop).toBeNull();
    expect(exchanges.map((x) => [x.time, x.durationMs])).toEqual([
      [null, null],
      [Date.parse("2026-01-05T10:00:00Z"), 250],
    ]);
  });
});

describe("HAR reader bounds", () => {
  it("stops at nesting deeper than 64 levels outside the entries, with a fixed-size stack", async () => {
    // The 204 KB gzip: `{"log":{"pages":` and then brackets; a million here.
    const doc = `{"log":{"pages":${"[".repeat(1_000_000)}`;
    const { exchanges, result } = await readAll(gzipSync(doc), { chunk: 65_536 });
    expect(exchanges).toHaveLength(0);
    expect(result.stop).toMatchObject({ entry: 0, code: "har_too_deep", params: { depth: 64, byte: 78 } });
    expect(result.stop?.reason).toBe("the HAR document nests deeper than 64 levels (at byte 78)");
  });

  it("stops at nesting deeper than 64 levels inside an entry, naming the entry", async () => {
    const deep = JSON.stringify(harEntry({})).replace(/}$/, `,"_x":${"[".repeat(100)}${"]".repeat(100)}}`);
    const doc = `{"log":{"entries":[${JSON.stringify(harEntry({}))},${deep}]}}`;
    const { exchanges, result } = await readAll(doc, { chunk: 1000 });
    expect(exchanges).toHaveLength(1);
    expect(result.stop).toMatchObject({ entry: 1, code: "har_too_deep" });
  });

  it("stops at a key of the outer objects longer than 1 KB instead of holding it", async () => {
    const doc = `{"log":{"${"k".repeat(2 * 1024 * 1024)}":1,"entries":[${JSON.stringify(harEntry({}))}]}}`;
    const { exchanges, result } = await readAll(doc, { chunk: 4096 });
    expect(exchanges).toHaveLength(0);
    expect(result.stop).toMatchObject({ code: "har_name_too_long", params: { kb: 1, byte: 9 } });
  });

  it("counts what lies outside log.entries against a limit too", async () => {
    const doc = harDocument([harEntry({})], { comment: "c".repeat(10_000) });
    const { result } = await readAll(doc, { chunk: 512, limits: { maxEntryBytes: 4096 } });
    expect(result.stop).toMatchObject({ code: "har_outside_too_large", params: { mb: 0 } });
    const fine = await readAll(harDocument([harEntry({})], { comment: "c".repeat(100) }), {
      limits: { maxEntryBytes: 4096 },
    });
    expect(fine.result.stop).toBeNull();
  });
});

describe("HAR reader stops", () => {
  it("keeps the entries finished in the same chunk before reading stopped", async () => {
    const doc = `{"log":{"entries":[${JSON.stringify(harEntry({}))}],"pages":${"[".repeat(1000)}`;
    const { exchanges, result } = await readAll(doc, { chunk: 1_000_000 });
    expect(exchanges).toHaveLength(1);
    expect(result.stop).toMatchObject({ entry: 1, code: "har_too_deep" });
  });
});
