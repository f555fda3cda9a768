import { createGzip, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { timeOf } from "@/lib/idempotency/input/ndjson-exchange";
import { readAll } from "@/lib/idempotency/input/test-support";

const line = (v: unknown) => JSON.stringify(v);

describe("NDJSON reader", () => {
  it("reads the canonical shape with headers as an object or as name/value pairs, bodies as text or JSON", async () => {
    const text = [
      line({
        time: "2026-01-05T10:00:00.000Z",
        method: "post",
        url: "https://checkout-test.adyen.com/v71/payments",
        requestHeaders: { "Idempotency-Key": "k1", "User-Agent": "pos/1" },
        requestBody: { merchantAccount: "M", reference: "R" },
        status: 200,
        responseHeaders: [{ name: "Transient-Error", value: "true" }],
        responseBody: '{"resultCode":"Authorised"}',
        durationMs: 340,
        client: "till-7",
      }),
      "",
      line({ time: 1767607200000, method: "POST", url: "https://checkout-test.adyen.com/v71/payments", status: null }),
    ].join("\r\n");
    const { exchanges, result } = await readAll(text, { chunk: 3 });
    expect(result.stop).toBeNull();
    expect(result.format).toBe("ndjson");
    expect(exchanges[0]).toMatchObject({
      method: "POST",
      time: Date.parse("2026-01-05T10:00:00.000Z"),
      requestHeaders: { "idempotency-key": "k1", "user-agent": "pos/1" },
      requestBody: { merchantAccount: "M", reference: "R" },
      responseHeaders: { "transient-error": "true" },
      durationMs: 340,
      client: "till-7",
      origin: { file: "input", line: 1 },
    });
    expect(exchanges[1]).toMatchObject({ status: null, time: 1767607200000, client: null, origin: { line: 3 } });
  });

  it("reads pino-http lines: req/res, Host header, epoch-ms time, responseTime; skips other log lines", async () => {
    const text = [
      line({ level: 30, time: 1767607200000, msg: "server listening" }),
      line({
        level: 30,
        time: 1767607201000,
        req: {
          id: 1,
          method: "POST",
          url: "/v70/paymentLinks",
          headers: { host: "checkout-test.adyen.com", "idempotency-key": "k", "user-agent": "proxy" },
        },
        res: { statusCode: 201, headers: { "idempotency-key": "k" } },
        responseTime: 87,
        msg: "request completed",
      }),
    ].join("\n");
    const { exchanges, result } = await readAll(text);
    expect(result.otherLines).toBe(1);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({
      url: "https://checkout-test.adyen.com/v70/paymentLinks",
      time: 1767607201000,
      status: 201,
      durationMs: 87,
      client: "proxy",
      origin: { line: 2 },
    });
  });

  it("reads gzip by magic bytes and hashes the decompressed content", async () => {
    const text = line({ method: "GET", url: "https://a.example/" }) + "\n";
    const plain = await readAll(text);
    const zipped = await readAll(gzipSync(Buffer.from(text)), { chunk: 1 });
    expect(zipped.exchanges).toHaveLength(1);
    expect(zipped.result.compressed).toBe(true);
    expect(zipped.result.sha256).toBe(plain.result.sha256);
    expect(zipped.result.bytes).toBeLessThan(zipped.result.contentBytes + 40);
  });

  it("keeps the lines before a cut-off last line and says where reading stopped", async () => {
    const full = line({ method: "GET", url: "https://a.example/1" });
    const text = `${full}\n${full}\n{"method":"GET","url":"https://a.exa`;
    const { exchanges, result } = await readAll(text);
    expect(exchanges).toHaveLength(2);
    expect(result.stop).toEqual({
      line: 3,
      code: "line_cut_off",
      params: { line: 3 },
      reason: "line 3 is incomplete (the file is cut off)",
    });
  });

  it("stops at a garbage line in the middle and names it", async () => {
    const full = line({ method: "GET", url: "https://a.example/1" });
    const { exchanges, result } = await readAll(`${full}\nnot json at all\n${full}\n`);
    expect(exchanges).toHaveLength(1);
    expect(result.stop).toEqual({
      line: 2,
      code: "line_invalid",
      params: { line: 2 },
      reason: "line 2 is not valid JSON",
    });
  });

  it("refuses a file that is neither HAR nor NDJSON, and an empty one", async () => {
    expect((await readAll("<html><body>hi</body></html>")).result.stop).toEqual({
      line: 1,
      code: "not_har_or_ndjson",
      params: {},
      reason: "not a HAR or NDJSON file",
    });
    expect((await readAll("")).result.stop?.reason).toBe("the file is empty");
  });

  it("names the line where a truncated gzip stream ends", async () => {
    const text = Array.from({ length: 3000 }, (_, i) =>
      line({ method: "GET", url: `https://a.example/${i}`, n: Math.random() }),
    ).join("\n");
    const gz = gzipSync(Buffer.from(text));
    const { exchanges, result } = await readAll(gz.subarray(0, Math.floor(gz.length / 2)));
    expect(exchanges.length).toBeGreaterThan(0);
    expect(result.stop).toEqual({
      line: exchanges.length + 1,
      code: "gzip_cut_off",
      params: {},
      reason: "the gzip stream ends early (the file is cut off)",
    });
  });
});

describe("times", () => {
  it("reads ISO text, epoch milliseconds and epoch seconds, as numbers or digits", () => {
    const t = Date.parse("2026-01-05T10:00:00.000Z");
    expect([timeOf("2026-01-05T10:00:00.000Z"), timeOf(t), timeOf(t / 1000), timeOf(String(t / 1000))]).toEqual([
      t,
      t,
      t,
      t,
    ]);
  });

  it("treats a time no date can hold, or before 1970, or past 9999, as absent instead of failing the analysis", () => {
    for (const v of [
      1e308,
      -1,
      8.64e15 + 1,
      "+275760-09-13T00:00:00.001Z",
      "-271821-04-20T00:00:00Z",
      "+010000-01-01T00:00:00Z",
      "1969-12-31T23:59:59Z",
      Infinity,
      NaN,
      "soon",
    ]) {
      expect(timeOf(v), String(v)).toBeNull();
    }
    expect(timeOf("9999-12-31T23:59:59.999Z")).toBe(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    expect(timeOf(0)).toBe(0);
  });

  it("keeps a duration from 0 to a day, and a header value that is not text as its JSON", async () => {
    const at = (durationMs: unknown, requestHeaders: unknown = {}) =>
      line({
        time: 1767607200000,
        method: "POST",
        url: "https://checkout-test.adyen.com/v71/payments",
        durationMs,
        requestHeaders,
      });
    const text = [
      at(5.4),
      at(1e308),
      at(24 * 60 * 60 * 1000 + 1),
      at(-1),
      at(0, { Pragma: { retry: true }, "User-Agent": ["pos", { v: 1 }], "X-Count": 3 }),
    ].join("\n");
    const { exchanges } = await readAll(text);
    expect(exchanges.map((x) => x.durationMs)).toEqual([5, null, null, null, 0]);
    expect(exchanges[4]?.requestHeaders).toEqual({
      pragma: '{"retry":true}',
      "user-agent": 'pos, {"v":1}',
      "x-count": "3",
    });
  });
});

describe("NDJSON reader bounds", () => {
  const exchange = (extra: Record<string, unknown> = {}) =>
    line({ method: "POST", url: "https://checkout-test.adyen.com/v71/payments", ...extra });

  it("stops at a line longer than 8 MB, which no exchange log reaches", async () => {
    const text = [exchange(), exchange({ requestBody: "x".repeat(9 * 1024 * 1024) }), exchange()].join("\n");
    const { exchanges, result } = await readAll(text, { chunk: 1024 * 1024 });
    expect(exchanges).toHaveLength(1);
    expect(result.stop).toEqual({
      line: 2,
      code: "line_too_long",
      params: { line: 2, mb: 8 },
      reason: "line 2 is longer than 8 MB",
    });
  });

  it("stops at a long line nested deeper than 64 levels before parsing it", async () => {
    const deep = exchange({ requestBody: 0 }).replace(
      '"requestBody":0',
      `"requestBody":${"[".repeat(40_000)}${"]".repeat(40_000)}`,
    );
    const { exchanges, result } = await readAll([exchange(), deep].join("\n"));
    expect(exchanges).toHaveLength(1);
    expect(result.stop).toMatchObject({ line: 2, code: "line_too_deep", params: { depth: 64 } });
  });

  it("stops a gzip bomb long before its end, keeping the lines read", async () => {
    const one = Buffer.from(exchange() + "\n");
    const block = Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / one.length) }, () => one));
    const gzip = createGzip();
    const parts: Buffer[] = [];
    gzip.on("data", (b: Buffer) => parts.push(b));
    const ended = new Promise((resolve) => gzip.on("end", resolve));
    for (let i = 0; i < 200; i++) gzip.write(block);
    gzip.end();
    await ended;
    const bomb = Buffer.concat(parts);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { exchanges, result } = await readAll(bomb, { chunk: 65_536 });
    expect(result.stop).toMatchObject({ code: "gzip_bomb", params: { ratio: 200 } });
    expect(result.contentBytes).toBeLessThan(40 * 1024 * 1024);
    expect(exchanges.length).toBeGreaterThan(1000);
    expect(result.stop?.line).toBe(exchanges.length + 1);
  });
});
