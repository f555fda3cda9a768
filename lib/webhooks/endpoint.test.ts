// The webhook endpoint over real HTTP: lib/webhooks/http-handler.ts on Node's own server, as the app server
// (cli/server.ts) and the Pages API route both run it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/lib/testing/database";
import { closeWebhookPool } from "@/lib/webhooks/pg-runner";
import { basicAuth, body, KEY_A, paymentItem, sign } from "@/lib/webhooks/test-support";
import { handleWebhookRequest } from "@/lib/webhooks/http-handler";
import { admissionState, MAX_ACTIVE, MAX_SLOW } from "@/lib/webhooks/admission";

withTestDatabase({ beforeDrop: closeWebhookPool });
const AUTH = basicAuth("adyen", "s3cret-webhook-pass");
let server: http.Server;
let port = 0;

beforeAll(async () => {
  setEnvForTests({
    LOG_LEVEL: "silent",
    ADYEN_HMAC_KEYS: KEY_A,
    ADYEN_WEBHOOK_USERNAME: "adyen",
    ADYEN_WEBHOOK_PASSWORD: "s3cret-webhook-pass",
  });
  server = http.createServer((req, res) => void handleWebhookRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  setEnvForTests({});
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** Sends the headers and the first part of a body and, unless `end`, keeps the request open. */
function send(opts: {
  method?: string;
  headers?: Record<string, string>;
  chunk?: string;
  end?: boolean;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      port,
      method: opts.method ?? "POST",
      path: "/api/webhooks/adyen",
      headers: opts.headers,
    });
    req.on("error", reject);
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
        req.destroy();
      });
    });
    if (opts.chunk) req.write(opts.chunk);
    if (opts.end !== false) req.end();
  });
}

describe("POST /api/webhooks/adyen over HTTP", () => {
  it("accepts a signed notification with the right basic auth", async () => {
    const reply = await send({
      headers: { authorization: AUTH, "content-type": "application/json" },
      chunk: body([sign(paymentItem())]),
    });
    expect(reply).toMatchObject({ status: 200, text: "[accepted]" });
    // The app server answers this URL before Next.js: the headers next.config.js gives every response are its own.
    expect(reply.headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "permissions-policy": expect.stringContaining("camera=()"),
    });
  });

  it("refuses wrong credentials before reading the body (the body is still being sent)", async () => {
    const reply = await send({
      headers: { authorization: basicAuth("adyen", "guess"), "content-type": "application/json" },
      chunk: '{"live":"false","notificationItems":[',
      end: false,
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("answers 405 with Allow: POST to other methods", async () => {
    const reply = await send({ method: "GET" });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("POST");
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  });

  it("answers 413 to a body over 5 MB, declared or streamed", async () => {
    const declared = await send({
      headers: { authorization: AUTH, "content-length": String(6 * 1024 * 1024) },
      chunk: "{",
      end: false,
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    const streamed = await send({
      headers: { authorization: AUTH, "transfer-encoding": "chunked" },
      chunk: " ".repeat(5 * 1024 * 1024 + 1),
    });
    expect(streamed.status).toBe(413);
  });

  it("cuts a body that has not arrived within the read deadline with 408 and closes the connection", async () => {
    const reply = await send({
      headers: { authorization: AUTH, "content-type": "application/json" },
      chunk: '{"live":"false","notificationItems":[',
      end: false,
    });
    expect(reply.status).toBe(408);
    expect(reply.headers.connection).toBe("close");
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: "REQUEST_TIMEOUT" } });
  });

  it("slow senders get a share of their own: as many as the whole budget cannot keep a prompt sender out", async () => {
    const slow = Array.from({ length: MAX_ACTIVE }, () =>
      send({ headers: { authorization: AUTH, "content-type": "application/json" }, chunk: "{", end: false }),
    );
    let answered = 0;
    for (const p of slow) void p.then(() => answered++);
    // Once they count as slow, all but their share are cut at once.
    await vi.waitFor(() => expect(answered).toBeGreaterThanOrEqual(MAX_ACTIVE - MAX_SLOW), { timeout: 10_000 });
    expect(admissionState().slow).toBeLessThanOrEqual(MAX_SLOW);
    const prompt = await send({
      headers: { authorization: AUTH, "content-type": "application/json" },
      chunk: body([sign(paymentItem())]),
    });
    expect(prompt).toMatchObject({ status: 200, text: "[accepted]" });
    // The share itself is cut at the read deadline; nothing of theirs was stored.
    const replies = await Promise.all(slow);
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([408]));
    expect(admissionState()).toMatchObject({ active: 0, slow: 0 });
  }, 30_000);
});
