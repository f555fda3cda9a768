// The status site under /status. Like status.adyen.com (the default) it is a single-page app: its data is JSON
// under /api/, and every other path, /api/v2/summary.json and /history.atom included, answers the same HTML page
// with HTTP 200. Switched to "statuspage" it serves Statuspage v2 JSON and RSS/Atom feeds, and 404 elsewhere.
import { htmlReply, jsonReply, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import type { SimRuntime } from "../runtime";
import { statuspageSummary } from "../status-page";
import { adyenIncidentMessages, adyenMaintenanceMessages } from "./adyen-format";
import { atomFeed, rssFeed } from "./feeds";

const APP_SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Adyen Status</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
<script src="/status/static/js/main.js"></script></body></html>`;

function xmlReply(body: string, type: string): Reply {
  return { status: 200, headers: { "content-type": `${type}; charset=utf-8` }, body };
}

export function statusSite(req: RequestContext, rt: SimRuntime): Reply {
  const state = rt.state.statusPage;
  if (!state.available) return htmlReply(503, "<!doctype html><title>503 Service Unavailable</title>");
  const sub = req.path.replace(/^\/status/, "").replace(/\/+$/, "") || "/";
  const now = rt.clock.now();
  const base = `${rt.urls.base}/status`;
  if (state.format === "adyen") {
    if (sub === "/api/incident-messages/active") return jsonReply(200, adyenIncidentMessages(state, now));
    if (sub === "/api/maintenance-messages/active") return jsonReply(200, adyenMaintenanceMessages(state, now));
    return htmlReply(200, APP_SHELL);
  }
  if (sub === "/api/v2/summary.json") return jsonReply(200, statuspageSummary(rt));
  if (sub === "/api/v2/status.json") {
    const { page, status } = statuspageSummary(rt);
    return jsonReply(200, { page, status });
  }
  if (sub === "/history.rss") return xmlReply(rssFeed(state, base, now), "application/rss+xml");
  if (sub === "/history.atom") return xmlReply(atomFeed(state, base, now), "application/atom+xml");
  if (sub === "/") return htmlReply(200, APP_SHELL.replace("Adyen Status", "Adyen Status (Statuspage)"));
  return htmlReply(404, "<!doctype html><title>404 Not Found</title>");
}
