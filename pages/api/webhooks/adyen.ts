// POST /api/webhooks/adyen. In production the app server (cli/server.ts) answers this URL itself, before Next.js
// sees the request (lib/webhooks/http-handler.ts, the one hot path); this route serves the same handler when the
// app runs under plain `next start` or `next dev`, and declares the URL to the route registry.
// A Pages Router API route, not an App Router handler: it hands over Node's own request and response.
import { handleWebhookRequest } from "@/lib/webhooks/http-handler";

export const config = { api: { bodyParser: false, responseLimit: false } };

export default handleWebhookRequest;
