// Every route the simulator serves, by API family.
import { Router } from "./http/router";
import { createPaymentLink, getPaymentLink, updatePaymentLink } from "./checkout/payment-link-routes";
import { showPayPage, submitPayPage } from "./checkout/pay-page";
import { addCommerceControlRoutes } from "./control/control-commerce-routes";
import { addControlRoutes } from "./control/control-routes";
import { addFaultControlRoutes } from "./control/control-fault-routes";
import { getConnectedDevices, getDeviceStatus } from "./device/device-routes";
import { handleClassicSync, handleDeviceSync } from "./device/terminal-api";
import { getMe } from "./management/me-route";
import { getStore, listAllStores, listMerchantStores } from "./management/store-routes";
import { getTerminalSettings, patchTerminalSettings, type LevelKind } from "./management/terminal-settings-routes";
import { listTerminals } from "./management/terminal-routes";
import type { SimRuntime } from "./runtime";
import { statusSite } from "./status-site/site";

const SETTINGS_PATHS: readonly [string, LevelKind][] = [
  ["/v3/companies/:companyId/terminalSettings", "company"],
  ["/v3/merchants/:merchantId/terminalSettings", "merchant"],
  ["/v3/stores/:storeId/terminalSettings", "store"],
  ["/v3/merchants/:merchantId/stores/:reference/terminalSettings", "storeByReference"],
  ["/v3/terminals/:terminalId/terminalSettings", "terminal"],
];

/** Adyen API routes: they need the X-API-Key and are subject to fault injection. */
export function buildApiRouter(): Router<SimRuntime> {
  const router = new Router<SimRuntime>()
    .add("POST", "/v72/paymentLinks", createPaymentLink)
    .add("GET", "/v72/paymentLinks/:linkId", getPaymentLink)
    .add("PATCH", "/v72/paymentLinks/:linkId", updatePaymentLink)
    .add("GET", "/v3/terminals", listTerminals)
    .add("GET", "/v3/me", getMe)
    .add("GET", "/v3/stores", listAllStores)
    .add("GET", "/v3/stores/:storeId", getStore)
    .add("GET", "/v3/merchants/:merchantId/stores", listMerchantStores)
    .add("GET", "/v3/merchants/:merchantId/stores/:storeId", getStore)
    .add("GET", "/v1/merchants/:merchantAccount/devices/:deviceId/status", getDeviceStatus)
    .add("GET", "/v1/merchants/:merchantAccount/connectedDevices", getConnectedDevices)
    .add("POST", "/v1/merchants/:merchantAccount/devices/:deviceId/sync", handleDeviceSync)
    .add("POST", "/sync", handleClassicSync);
  for (const [path, kind] of SETTINGS_PATHS) {
    router.add("GET", path, getTerminalSettings(kind)).add("PATCH", path, patchTerminalSettings(kind));
  }
  return router;
}

/** Routes without the API key: the shopper's payment page and the public status page. */
export function buildPublicRouter(): Router<SimRuntime> {
  return new Router<SimRuntime>()
    .add("GET", "/payByLink/:linkId", showPayPage)
    .add("POST", "/payByLink/:linkId", submitPayPage)
    .add("GET", "/status", statusSite)
    .add("GET", "/status/*", statusSite);
}

/** Test and demo control; answered on loopback connections only. */
export function buildControlRouter(): Router<SimRuntime> {
  const router = new Router<SimRuntime>();
  addControlRoutes(router);
  addCommerceControlRoutes(router);
  addFaultControlRoutes(router);
  return router;
}
