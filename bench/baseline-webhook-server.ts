// Baseline for the webhook benchmark: the same work as POST /api/webhooks/adyen (basic auth, JSON parse, HMAC of
// every item, the same multi-row INSERT … ON CONFLICT through the same pg pool, the same follow-up enqueue) on
// bare node:http, without Next.js. Run as its own process by bench/webhooks.ts; configured like the app.
import http from "node:http";
import { envOrExit } from "../lib/env.ts";
import { publicError } from "../lib/errors.ts";
import { stopJobs } from "../lib/jobs/queue.ts";
import { afterWebhooksStored } from "../lib/webhooks/after-stored.ts";
import { receiveNotifications } from "../lib/webhooks/receive.ts";
import { closeWebhookPool } from "../lib/webhooks/pg-runner.ts";
import { admitWebhook } from "../lib/webhooks/admission.ts";

const PATH = "/api/webhooks/adyen";
const e = envOrExit();

function reply(res: http.ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.method !== "POST" || req.url !== PATH) return reply(res, 404, "", "text/plain");
  const admission = admitWebhook();
  if (!admission.admitted)
    return reply(res, 503, JSON.stringify({ error: { code: "UNAVAILABLE" } }), "application/json");
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    receiveNotifications(Buffer.concat(chunks).toString("utf8"), req.headers.authorization ?? null).then(
      (result) => {
        admission.done();
        reply(res, 200, "[accepted]", "text/plain; charset=utf-8");
        void afterWebhooksStored(result.newEventIds);
      },
      (err: unknown) => {
        admission.done();
        const mapped = publicError(err);
        reply(res, mapped.status, JSON.stringify(mapped.body), "application/json");
      },
    );
  });
});
// Node's default keep-alive timeout (5 s) matches Next's; the load generator reuses connections well within it.
server.listen(e.PORT, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ event: "baseline.listening", url: `http://127.0.0.1:${e.PORT}` }) + "\n");
});

async function shutdown(): Promise<void> {
  server.closeAllConnections();
  server.close();
  await stopJobs().catch(() => undefined);
  await closeWebhookPool();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
