// Cloud device API: connection status of one device and the list of connected devices.
import { notFound, restError } from "../errors";
import { jsonReply, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import { findTerminal, type SimRuntime } from "../runtime";
import { isOnline } from "./connectivity";

/** The merchant account in the path must be the simulator's, as an API credential only sees its own. */
export function checkMerchant(req: RequestContext, rt: SimRuntime): Reply | null {
  const merchant = req.params["merchantAccount"];
  if (merchant === rt.config.merchantAccount) return null;
  return restError(403, "Forbidden", `No access to merchant account ${merchant ?? ""}`);
}

export function getDeviceStatus(req: RequestContext, rt: SimRuntime): Reply {
  const denied = checkMerchant(req, rt);
  if (denied) return denied;
  const deviceId = req.params["deviceId"] ?? "";
  const terminal = findTerminal(rt, deviceId);
  if (!terminal) return notFound("rest", `Device ${deviceId} not found`);
  return jsonReply(200, {
    deviceId,
    status: isOnline(rt.state.outages, terminal, rt.clock.now()) ? "ONLINE" : "OFFLINE",
  });
}

export function getConnectedDevices(req: RequestContext, rt: SimRuntime): Reply {
  const denied = checkMerchant(req, rt);
  if (denied) return denied;
  const store = req.query.get("store");
  if (store !== null && !rt.config.catalog.stores.some((s) => s.id === store)) {
    return notFound("rest", `Store ${store} not found under this merchant account`);
  }
  const now = rt.clock.now();
  const uniqueDeviceIds = rt.config.catalog.terminals
    .filter((t) => (store === null || t.storeId === store) && isOnline(rt.state.outages, t, now))
    .map((t) => t.id);
  return jsonReply(200, { uniqueDeviceIds });
}
