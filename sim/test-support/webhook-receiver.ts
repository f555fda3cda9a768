// Test helper: a real HTTP endpoint that records webhook deliveries and can refuse the first N of them.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  readonly at: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly answeredStatus: number;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  close(): Promise<void>;
}

export interface ReceiverOptions {
  readonly failFirst?: number;
  readonly failStatus?: number;
  /** Delay before answering, to show that slow endpoints do not hold up the simulator's API. */
  readonly delayMs?: number;
}

export async function startWebhookReceiver(opts: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = received.length < (opts.failFirst ?? 0) ? (opts.failStatus ?? 500) : 200;
      received.push({
        at: Date.now(),
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        answeredStatus: status,
      });
      setTimeout(() => {
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(status === 200 ? "[accepted]" : "error");
      }, opts.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/adyen`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
