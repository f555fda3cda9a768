// The app's HTTP server, as `npm start`, the end-to-end suite and the benchmarks run it: Next.js through its
// documented custom-server API (`next({ … }).getRequestHandler()` over node:http), except the webhook URL, which goes
// straight to lib/webhooks' Node handler. That is the one hot path (Adyen may send thousands a second), and Next's
// per-request routing (URL parsing, route matching, its request wrappers and async context) cost more CPU than the
// work itself: ~0.5 ms against ~0.25 ms per notification. Everything else, /api/health included, is Next's.
// Usage: node --import tsx cli/server.ts --port N [--host H]
import http from "node:http";
import next from "next";
import { log, errorFields } from "../lib/log.ts";
import { stopJobs } from "../lib/jobs/queue.ts";
import { closeWebhookPool } from "../lib/webhooks/pg-runner.ts";
import { handleWebhookRequest, WEBHOOK_PATH } from "../lib/webhooks/http-handler.ts";
import { ROOT } from "./processes.ts";

function argument(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

/** The path of a request target without its query (`/api/webhooks/adyen?x=1` is the webhook URL too). */
export function pathOf(url: string | undefined): string {
  const target = url ?? "/";
  const q = target.indexOf("?");
  return q < 0 ? target : target.slice(0, q);
}

function failed(res: http.ServerResponse, err: unknown): void {
  log.error("http.unhandled", errorFields(err));
  if (res.headersSent) return void res.destroy();
  res.statusCode = 500;
  res.end("Internal Server Error");
}

async function main(): Promise<void> {
  const port = Number(argument("port"));
  const hostname = argument("host", "0.0.0.0");
  const app = next({ dev: false, dir: ROOT, hostname, port });
  // Runs instrumentation.ts (forwarded headers, in-process jobs) before the first request is taken.
  await app.prepare();
  const handle = app.getRequestHandler();
  // Headers must arrive within 10 s (checked every second; Node's default waits 60 s and looks every 30 s), so a
  // sender trickling header bytes holds no connection for long. Webhook bodies have their own read deadline
  // (lib/webhooks/http-handler.ts); other bodies keep Node's request timeout (uploads may be large).
  const server = http.createServer({ headersTimeout: 10_000, connectionsCheckingInterval: 1_000 }, (req, res) => {
    const answered = pathOf(req.url) === WEBHOOK_PATH ? handleWebhookRequest(req, res) : handle(req, res);
    answered.catch((err: unknown) => failed(res, err));
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // No new connections; idle keep-alive ones close now, busy ones after their answer.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const cutOff = setTimeout(() => server.closeAllConnections(), 3_000);
    await closed;
    clearTimeout(cutOff);
    await Promise.allSettled([app.close(), stopJobs(), closeWebhookPool()]);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  log.info("server.listening", { url: `http://${hostname}:${port}` });
}

main().catch((err: unknown) => {
  process.stderr.write(`the app server did not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
