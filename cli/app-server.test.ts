// The app server's compression on a real node:http server: gzip and brotli by Accept-Encoding, every chunk of a
// streamed answer leaving as soon as it is flushed (the next is written only once the client has read the first),
// and the webhook URL answered as it was, uncompressed.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppServer } from "./app-server";

const PAGE = `<!doctype html><p>${"Berlin Mitte: all 9 terminals connected. ".repeat(200)}</p>`;
let firstChunkRead: () => void = () => undefined;

const server = createAppServer(
  async (req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (req.url === "/stream") {
      const read = new Promise<void>((resolve) => (firstChunkRead = resolve));
      res.write(`<p>first ${"x".repeat(2_000)}</p>`);
      (res as unknown as { flush: () => void }).flush();
      await read;
      res.end("<p>second</p>");
      return;
    }
    res.end(PAGE);
  },
  async (_req, res) => {
    res.setHeader("content-type", "text/plain");
    res.end("[accepted]".repeat(300));
  },
);
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { encoding: string | undefined; vary: string | undefined; body: string };

function get(path: string, acceptEncoding: string | null, onText?: (text: string) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { "accept-encoding": acceptEncoding };
    const req = http.request(`${base}${path}`, { headers, method: path.startsWith("/api") ? "POST" : "GET" }, (res) => {
      const encoding = res.headers["content-encoding"];
      const body =
        encoding === "br"
          ? res.pipe(zlib.createBrotliDecompress())
          : encoding === "gzip"
            ? res.pipe(zlib.createGunzip())
            : res;
      let text = "";
      body.on("data", (d: Buffer) => {
        text += d.toString("utf8");
        onText?.(text);
      });
      body.on("end", () => resolve({ encoding, vary: res.headers.vary, body: text }));
      body.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the app server's compression", () => {
  it.each([
    ["br", "gzip, deflate, br", "br"],
    ["gzip", "gzip, deflate", "gzip"],
    ["identity when the client asks for none", null, undefined],
    ["identity when the client only takes identity", "identity", undefined],
  ])("%s", async (_name, accept, expected) => {
    const answer = await get("/", accept);
    expect(answer.encoding).toBe(expected);
    expect(answer.body).toBe(PAGE);
    expect(answer.vary).toMatch(/Accept-Encoding/i);
  });

  it.each(["br", "gzip"])(
    "streams with %s: each flushed chunk reaches the client before the next is written",
    async (enc) => {
      const answer = await get("/stream", enc, (text) => {
        if (text.includes("first")) firstChunkRead();
      });
      expect(answer.encoding).toBe(enc);
      expect(answer.body).toMatch(/^<p>first x+<\/p><p>second<\/p>$/);
    },
  );

  it("leaves the webhook URL uncompressed", async () => {
    const answer = await get("/api/webhooks/adyen?x=1", "gzip, br");
    expect(answer.encoding).toBeUndefined();
    expect(answer.body).toBe("[accepted]".repeat(300));
  });
});
