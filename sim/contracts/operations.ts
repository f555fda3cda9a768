// Which parts of Adyen's specs the repository keeps (scripts/extract-contracts.ts writes them beside this file): every
// operation the simulator serves under Adyen's paths and the standard webhooks the app receives. A new simulator
// route needs its operation here and a new run of the script (sim/contracts/contracts.test.ts checks).
export type Operation = { kind: "path" | "webhook"; method: "get" | "post" | "patch"; path: string };
export type SpecName = "CheckoutService-v72" | "ManagementService-v3" | "CloudDeviceService-v1" | "Webhooks-v1";
/** `prefix`: where the simulator serves the spec's paths (Adyen's base URL path). */
export type SpecSelection = { prefix: string; operations: Operation[]; schemas?: string[] };

const get = (path: string): Operation => ({ kind: "path", method: "get", path });
const post = (path: string): Operation => ({ kind: "path", method: "post", path });
const patch = (path: string): Operation => ({ kind: "path", method: "patch", path });
const webhook = (eventCode: string): Operation => ({ kind: "webhook", method: "post", path: `/${eventCode}` });

const TERMINAL_SETTINGS = [
  "/companies/{companyId}/terminalSettings",
  "/merchants/{merchantId}/terminalSettings",
  "/stores/{storeId}/terminalSettings",
  "/merchants/{merchantId}/stores/{reference}/terminalSettings",
  "/terminals/{terminalId}/terminalSettings",
];

// Standard webhooks that carry payment, modification and dispute outcomes, and report availability.
const WEBHOOK_EVENTS = ["AUTHORISATION", "AUTHORISATION_ADJUSTMENT", "CANCELLATION", "CANCEL_OR_REFUND", "CAPTURE"]
  .concat(["CAPTURE_FAILED", "CHARGEBACK", "CHARGEBACK_REVERSED", "EXPIRE", "OFFER_CLOSED", "ORDER_CLOSED"])
  .concat(["REFUND", "REFUND_FAILED", "REFUNDED_REVERSED", "REPORT_AVAILABLE", "TECHNICAL_CANCEL"]);

export const CONTRACT_OPERATIONS: Record<SpecName, SpecSelection> = {
  "CheckoutService-v72": {
    prefix: "/v72",
    operations: [post("/paymentLinks"), get("/paymentLinks/{linkId}"), patch("/paymentLinks/{linkId}")],
  },
  "ManagementService-v3": {
    prefix: "/v3",
    operations: [
      get("/me"),
      get("/terminals"),
      get("/stores"),
      get("/stores/{storeId}"),
      get("/merchants/{merchantId}/stores"),
    ]
      .concat([get("/merchants/{merchantId}/stores/{storeId}")])
      .concat(TERMINAL_SETTINGS.flatMap((p) => [get(p), patch(p)])),
  },
  "CloudDeviceService-v1": {
    prefix: "/v1",
    operations: [
      get("/merchants/{merchantAccount}/devices/{deviceId}/status"),
      get("/merchants/{merchantAccount}/connectedDevices"),
      post("/merchants/{merchantAccount}/devices/{deviceId}/sync"),
    ],
  },
  "Webhooks-v1": { prefix: "", operations: WEBHOOK_EVENTS.map(webhook) },
};
