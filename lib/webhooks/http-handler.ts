// POST /api/webhooks/adyen on Node's own request and response — Adyen standard notifications: 200 `[accepted]` once
// every item is stored; 401 for wrong basic auth (checked before the body is read) or any bad signature, 400 for a
// malformed body, 405 for other methods, 413 for a body over 5 MB, 503 when busy or the database is down (Adyen
// retries). The app server (cli/server.ts) hands this URL here before Next.js sees the request: this is the one hot
// path (Adyen may send thousands a second), and Next's per-request machinery cost twice the work itself.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";
import { COMMON_HEADERS } from "@/lib/http/common-headers.mjs";
import { readBodyText, sendError } from "@/lib/http/node-response";
import { admitWebhook } from "@/lib/webhooks/admission";
import { afterWebhooksStored } from "@/lib/webhooks/after-stored";
import {
  authenticateWebhookCaller,
  logRefusal,
  receiveAuthenticatedBody,
  webhookSettings,
} from "@/lib/webhooks/receive";

export const WEBHOOK_PATH = "/api/webhooks/adyen";
const MAX_BODY = 5 * 1024 * 1024;
const TOO_LARGE = "The notification body is larger than 5 MB; send fewer items per request.";

/** Refused before the body was read: close the connection rather than read what we will not use. */
function refuseUnread(res: ServerResponse, err: AppError, requestId: string): void {
  logRefusal(requestId, err);
  res.setHeader("connection", "close");
  sendError(res, err, requestId);
}

export async function handleWebhookRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Ours, never the caller's: anyone can send any x-request-id.
  const requestId = randomUUID();
  for (const [name, value] of COMMON_HEADERS) res.setHeader(name, value);
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    return refuseUnread(res, new AppError("METHOD_NOT_ALLOWED", "Use POST to deliver notifications."), requestId);
  }
  const settings = webhookSettings();
  try {
    authenticateWebhookCaller(req.headers.authorization ?? null, settings);
  } catch (err) {
    return refuseUnread(res, err as AppError, requestId);
  }
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY) {
    return refuseUnread(res, new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE), requestId);
  }
  // Under overload: refused at once with 503 (Adyen retries), before any work is spent on the body. Answered
  // directly: admission.ts logs the refusals once per window, not once per request.
  const admission = admitWebhook();
  if (!admission.admitted) {
    res.statusCode = 503;
    res.setHeader("retry-after", String(admission.retryAfterSeconds));
    res.setHeader("content-type", "application/json");
    res.setHeader("x-request-id", requestId);
    const message = `Busy (${admission.why}); nothing was stored. Retry later.`;
    return void res.end(JSON.stringify({ error: { code: "UNAVAILABLE", message, requestId } }));
  }
  try {
    const body = await readBodyText(req, MAX_BODY).catch((err: unknown) => {
      if ((err as { tooLarge?: boolean }).tooLarge) {
        res.setHeader("connection", "close");
        throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE);
      }
      throw err;
    });
    const result = await receiveAuthenticatedBody(body, { settings, requestId });
    // Only buffers the ids; the queue insert happens on a timer after this response, never awaited here.
    void afterWebhooksStored(result.newEventIds);
    res.statusCode = 200;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("[accepted]");
  } catch (err) {
    // A caller that hung up mid-body gets no answer; nothing was stored and nothing is ours to log as an error.
    if ((err as { aborted?: boolean }).aborted) return logRefusal(requestId, err);
    sendError(res, err, requestId);
  } finally {
    admission.done();
  }
}
