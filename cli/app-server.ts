// The app server's request routing, apart from starting Next so that it can be tested on its own: the webhook URL
// straight to lib/webhooks' Node handler, uncompressed (Adyen's small notifications and "[accepted]" gain nothing,
// and that path must stay as cheap as it is); everything else through HTTP compression to Next's request handler.
import http from "node:http";
import compression from "compression";
import { log, errorFields } from "../lib/log.ts";
import { handleWebhookRequest, WEBHOOK_PATH } from "../lib/webhooks/http-handler.ts";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/**
 * gzip or brotli, as the request's Accept-Encoding asks (brotli preferred), for compressible types over 1 KB.
 * Streamed responses still stream: Next calls `res.flush()` after each chunk it writes (React's streamed HTML,
 * RSC payloads), and the middleware flushes the compressor there, so every chunk leaves at once.
 */
const compress = compression({ threshold: 1024 }) as unknown as Middleware;

/** The path of a request target without its query (`/api/webhooks/adyen?x=1` is the webhook URL too). */
function pathOf(url: string | undefined): string {
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

export function createAppServer(handle: Handler, webhook: Handler = handleWebhookRequest): http.Server {
  // Headers must arrive within 10 s (checked every second; Node's default waits 60 s and looks every 30 s), so a
  // sender trickling header bytes holds no connection for long. Webhook bodies have their own read deadline
  // (lib/webhooks/http-handler.ts); other bodies keep Node's request timeout (uploads may be large).
  return http.createServer({ headersTimeout: 10_000, connectionsCheckingInterval: 1_000 }, (req, res) => {
    if (pathOf(req.url) === WEBHOOK_PATH) {
      webhook(req, res).catch((err: unknown) => failed(res, err));
      return;
    }
    compress(req, res, () => void handle(req, res).catch((err: unknown) => failed(res, err)));
  });
}
