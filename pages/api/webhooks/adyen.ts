// POST /api/webhooks/adyen — Adyen standard notifications: 200 `[accepted]` once every item is stored; 401 for
// wrong basic auth or any bad signature, 400 for a malformed body, 503 when the database is down (Adyen retries).
//
// Why a Pages Router API route when everything else is App Router: this is the one hot path (Adyen may send
// thousands a second), and an App Router handler costs ~1.1 ms of CPU per request in Next's own machinery (Web
// Request and AbortSignal objects, async context snapshots) against ~0.35 ms for the work itself. Pages API routes
// hand over Node's request and response directly. The logic lives in lib/webhooks either way.
import type { NextApiRequest, NextApiResponse } from "next";
import { AppError } from "@/lib/errors";
import { readBodyText, sendError } from "@/lib/http/node-response";
import { requestIdFrom } from "@/lib/http/route";
import { afterWebhooksStored, receiveNotifications } from "@/lib/webhooks";
import { admitWebhook } from "@/lib/webhooks/admission";

export const config = { api: { bodyParser: false, responseLimit: false } };

const MAX_BODY = 5 * 1024 * 1024;

export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    return sendError(res, new AppError("VALIDATION", "Use POST to deliver notifications."), requestId);
  }
  // Under overload: refused at once with 503 (Adyen retries), before any work is spent on the request.
  const admission = admitWebhook();
  if (!admission.admitted) {
    res.setHeader("retry-after", String(admission.retryAfterSeconds));
    return sendError(
      res,
      new AppError("UNAVAILABLE", `Busy (${admission.why}); nothing was stored. Retry later.`),
      requestId,
    );
  }
  try {
    const body = await readBodyText(req, MAX_BODY).catch((err: unknown) => {
      throw (err as { tooLarge?: boolean }).tooLarge
        ? new AppError("VALIDATION", "The notification body is larger than 5 MB.")
        : err;
    });
    const result = await receiveNotifications(body, req.headers.authorization ?? null, { requestId });
    // Only buffers the ids; the queue insert happens on a timer after this response, never awaited here.
    void afterWebhooksStored(result.newEventIds);
    res.statusCode = 200;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("[accepted]");
  } catch (err) {
    sendError(res, err, requestId);
  } finally {
    admission.done();
  }
}
