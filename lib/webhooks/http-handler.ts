// POST /api/webhooks/adyen on Node's own request and response — Adyen standard notifications: 200 `[accepted]` once
// every item is stored; 401 for wrong basic auth (checked before the body is read) or any bad signature, 400 for a
// malformed body, 405 for other methods, 408 for a body not arrived within 5 s (or a slow sender beyond their
// share), 413 for a body over 5 MB, 503 when busy or the database is down (Adyen retries). The app server
// (cli/server.ts) hands this URL here before Next.js sees the request: this is the one hot path (Adyen may send
// thousands a second), and Next's per-request machinery cost twice the work itself.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";
import { COMMON_HEADERS } from "@/lib/http/common-headers.mjs";
import { readBodyText, sendError } from "@/lib/http/node-response";
import { admitWebhook, READ_DEADLINE_MS, SLOW_AFTER_MS, type Admission } from "@/lib/webhooks/admission";
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

/**
 * The body, within the read deadline. A sender still sending after SLOW_AFTER_MS moves to the slow senders' share
 * of the admission budget, or is cut at once when that share is full; no body arrives later than READ_DEADLINE_MS.
 */
async function readWithinDeadline(
  req: IncomingMessage,
  admission: Extract<Admission, { admitted: true }>,
): Promise<string> {
  const reading = readBodyText(req, MAX_BODY);
  const timers: NodeJS.Timeout[] = [];
  const cut = new Promise<never>((_resolve, reject) => {
    timers.push(
      setTimeout(() => {
        if (!admission.markSlow())
          reject(
            new AppError(
              "REQUEST_TIMEOUT",
              "Too many slow senders at once; nothing was stored. Send the body promptly.",
            ),
          );
      }, SLOW_AFTER_MS),
      setTimeout(() => {
        reject(new AppError("REQUEST_TIMEOUT", `The body did not arrive within ${READ_DEADLINE_MS / 1000} s.`));
      }, READ_DEADLINE_MS),
    );
  });
  try {
    return await Promise.race([reading, cut]);
  } finally {
    for (const t of timers) clearTimeout(t);
    // A cut request is not read any further; what it still sends is dropped with the connection.
    reading.catch(() => undefined);
  }
}

/** Cut for being slow: answered, then the connection closes (the rest of the body is never read). */
function isCut(err: unknown): boolean {
  return err instanceof AppError && err.code === "REQUEST_TIMEOUT";
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
    const body = await readWithinDeadline(req, admission).catch((err: unknown) => {
      if ((err as { tooLarge?: boolean }).tooLarge) {
        res.setHeader("connection", "close");
        throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE);
      }
      if (isCut(err)) {
        logRefusal(requestId, err);
        res.setHeader("connection", "close");
        res.once("finish", () => req.destroy());
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
