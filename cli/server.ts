// The app's HTTP server, as `npm start`, the end-to-end suite and the benchmarks run it: Next.js through its
// documented custom-server API (`next({ … }).getRequestHandler()` over node:http), except the webhook URL, which goes
// straight to lib/webhooks' Node handler. That is the one hot path (Adyen may send thousands a second), and Next's
// per-request routing (URL parsing, route matching, its request wrappers and async context) cost more CPU than the
// work itself: ~0.5 ms against ~0.25 ms per notification. Everything else, /api/health included, is Next's, gzip- or
// brotli-compressed (./app-server.ts).
// Usage: node --import tsx cli/server.ts --port N [--host H]
import next from "next";
import { log } from "../lib/log.ts";
import { stopJobs } from "../lib/jobs/queue.ts";
import { closeWebhookPool } from "../lib/webhooks/pg-runner.ts";
import { createAppServer } from "./app-server.ts";
import { ROOT } from "./processes.ts";

function argument(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const port = Number(argument("port"));
  const hostname = argument("host", "0.0.0.0");
  const app = next({ dev: false, dir: ROOT, hostname, port });
  // Runs instrumentation.ts (forwarded headers, in-process jobs) before the first request is taken.
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createAppServer((req, res) => handle(req, res));
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
