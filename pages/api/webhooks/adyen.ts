// POST /api/webhooks/adyen — Adyen standard notifications: 200 `[accepted]` once every item is stored; 401 for
// wrong basic auth (checked before the body is read) or any bad signature, 400 for a malformed body, 405 for
// other methods, 413 for a body over 5 MB, 503 when the database is down (Adyen retries).
//
// Why a Pages Router API route when everything else is App Router: this is the one hot path (Adyen may send
// thousands a second), and an App Router handler costs ~1.1 ms of CPU per request in Next's own machinery (Web
// Request and AbortSignal objects, async context snapshots) against ~0.35 ms for the work itself. Pages API routes
// hand over Node's request and response directly. The logic lives in lib/webhooks either way.
import { randomUUID } from "node:crypto";
import type { NextApiRequest, NextApiResponse } from "next";
import { AppError } from "@/lib/errors";
import { readBodyText, sendError } from "@/lib/http/node-response";
import {
  afterWebhooksStored,
  authenticateWebhookCaller,
  logWebhookRefusal,
  receiveAuthenticatedBody,
  webhookSettings,
} from "@/lib/webhooks";
import { admitWebhook } from "@/lib/webhooks/admission";

export const config = { api: { bodyParser: false, responseLimit: false } };

const MAX_BODY = 5 * 1024 * 1024;
const TOO_LARGE = "The notification body is larger than 5 MB; send fewer items per request.";

/** Refused before the body was read: close the connection rather than read what we will not use. */
function refuseUnread(res: NextApiResponse, err: AppError, requestId: string): void {
  logWebhookRefusal(requestId, err);
  res.setHeader("connection", "close");
  sendError(res, err, requestId);
}

export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  // Ours, never the caller's: anyone can send any x-request-id.
  const requestId = randomUUID();
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
  // directly: admission.ts logs the refusals once per window, not once per request, and keeps the connection.
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
    if ((err as { aborted?: boolean }).aborted) return logWebhookRefusal(requestId, err);
    sendError(res, err, requestId);
  } finally {
    admission.done();
  }
}
