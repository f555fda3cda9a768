// GET /v3/me: the API credential that makes the call (Management API). The app uses it as its cheapest
// authenticated Management call to probe reachability.
import { jsonReply, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import type { SimRuntime } from "../runtime";

export function getMe(_req: RequestContext, rt: SimRuntime): Reply {
  const id = "S2-SIMULATOR0001";
  return jsonReply(200, {
    id,
    username: `ws@Company.${rt.config.companyId}`,
    clientKey: "test_SIMULATORCLIENTKEY0000000000000",
    allowedIpAddresses: [],
    roles: ["Management API - Terminal actions read", "Management API - Stores read"],
    active: true,
    companyName: rt.config.companyId,
    allowedOrigins: [],
    _links: { self: { href: `${rt.urls.base}/v3/me` } },
  });
}
