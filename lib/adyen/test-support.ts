// Test support: Adyen's published fixtures, and a real local HTTP server (port 0) recording what the transport sends.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";

// Real payloads published by Adyen, copied into the repository with their sources (test-fixtures/adyen/README.md).
const FIXTURES = path.resolve(import.meta.dirname, "../../test-fixtures/adyen");

/** Parsed JSON of a fixture, e.g. fixture("notifications/php-tools-hmac-payload.json"). */
export function fixture(file: string): unknown {
  if (!existsSync(FIXTURES)) throw new Error(`Adyen fixtures not found at ${FIXTURES}`);
  return JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8"));
}

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

export type Reply = { status?: number; headers?: Record<string, string>; body?: unknown } | "hang";

export type LocalServer = {
  url: string;
  requests: RecordedRequest[];
  /** Replies are used in order; the last one repeats. */
  reply: (...replies: Reply[]) => void;
  close: () => Promise<void>;
};

function send(res: ServerResponse, reply: Exclude<Reply, "hang">): void {
  const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
  res.end(body);
}

export async function startLocalServer(): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  let replies: Reply[] = [{ status: 200, body: {} }];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const reply = replies.length > 1 ? replies.shift() : replies[0];
      if (reply === undefined || reply === "hang") return; // never answers: the client must time out
      send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...next) => {
      replies = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One server per test file, emptied and reset to a 200 reply before each test. */
export function localServerForSuite(): () => LocalServer {
  let server: LocalServer | undefined;
  beforeAll(async () => {
    server = await startLocalServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server?.requests.splice(0);
    server?.reply({ status: 200, body: { ok: true } });
  });
  return () => {
    if (!server) throw new Error("local server not started");
    return server;
  };
}
