// Which action of the permission table guards each page, route handler and server action — or why it is public.
// The permission matrix (lib/auth/route-permissions.test.ts and e2e/permission-matrix.spec.ts) discovers every
// app/**/page.tsx, app/**/route.ts (per exported method), pages/api/** file and exported server action, fails for
// any without an entry here, and calls each one for real with every role, expecting exactly what the table says.
//
// Adding a page, route or server action: add its entry below with the action its own guard checks
// (requirePage / requireApi / requireAction). When the request names the one store it acts on, say where
// (`store: "path" | "query" | "body"`): the matrix then also calls it as a store manager of another store, who must
// be refused. A "body" or "query" store needs a sample request in e2e/permission-samples.ts.
import type { Action } from "@/lib/auth/permissions";

/** Where a request names the store it acts on: a dynamic path segment, a query parameter, or the body. */
export type StoreParam = "path" | "query" | "body";

export type Guard = { action: Action; store?: StoreParam } | { public: string };

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const guard = (action: Action, store?: StoreParam): Guard => (store ? { action, store } : { action });
const open = (reason: string): Guard => ({ public: reason });

/** Pages by URL pattern: route groups dropped, dynamic segments as in the folder name (`/runbook/[storeId]`). */
export const PAGE_GUARDS: Record<string, Guard> = {
  "/login": open("the sign-in form"),
  "/": guard("session.whoami"),
  "/status": guard("status.read"),
  "/runbook": guard("runbook.read"),
  "/runbook/[storeId]": guard("runbook.read", "path"),
  "/runbook/[storeId]/receipts/new": guard("runbook.read", "path"),
  "/terminals": guard("terminals.read"),
  "/payment-links": guard("links.read"),
  "/payment-links/[id]": guard("links.read"),
  "/reconciliation": guard("reconciliation.read"),
  "/reconciliation/imports": guard("imports.read"),
  "/idempotency": guard("idempotency.read"),
  "/admin": guard("admin.read"),
};

/** Route handlers (app/**\/route.ts) and Pages Router API routes (pages/api/**) by URL pattern and method. */
export const ROUTE_GUARDS: Record<string, Partial<Record<HttpMethod, Guard>>> = {
  "/api/health": {
    GET: open("liveness for load balancers: anyone gets the state alone; health.details adds the reasons"),
  },
  "/api/auth/[...nextauth]": {
    GET: open("next-auth: sign-in, session and CSRF endpoints"),
    POST: open("next-auth: sign-in and sign-out (CSRF-checked by next-auth)"),
  },
  "/api/webhooks/adyen": { POST: open("Adyen's notifications: authenticated by basic auth and HMAC, not by a role") },
  "/api/reconciliation/export": { GET: guard("reconciliation.export", "query") },
  "/api/reconciliation/upload": { POST: guard("reports.import") },
  "/api/reconciliation/import-sample": { GET: guard("imports.read") },
  "/api/v1/whoami": { GET: guard("session.whoami") },
  "/api/v1/orders": { POST: guard("orders.write", "body") },
  "/api/v1/receipts": { POST: guard("receipts.create", "body") },
  "/api/v1/payment-events": { GET: guard("payment_events.read") },
  "/api/v1/reconciliation": { GET: guard("reconciliation.read", "query") },
  "/api/v1/payment-links": { POST: guard("links.create", "body"), GET: guard("links.read", "query") },
  "/api/v1/payment-links/[id]": { GET: guard("links.read") },
  "/api/v1/payment-links/[id]/expire": { POST: guard("links.expire") },
  "/api/v1/terminals": { GET: guard("terminals.read", "query") },
  "/api/v1/outages": { POST: guard("outages.declare", "body"), GET: guard("outages.read", "query") },
  "/api/terminals/export": { GET: guard("terminals.read", "query") },
  // Status panel
  "/api/v1/status": { GET: guard("status.read") },
  "/api/v1/status/history": { GET: guard("status.read", "query") },
  "/api/v1/incidents": { GET: guard("status.read") },
  "/api/v1/maintenance-windows": {
    GET: guard("status.read"),
    POST: guard("status.maintenance.write", "body"),
  },
  "/api/status/banner": { GET: guard("status.read") },
  // Idempotency migration checker
  "/api/v1/idempotency/analyses": { GET: guard("idempotency.read"), POST: guard("idempotency.analyze") },
  "/api/v1/idempotency/analyses/[id]": { GET: guard("idempotency.read"), DELETE: guard("idempotency.analyze") },
  "/api/v1/idempotency/analyses/[id]/cancel": { POST: guard("idempotency.analyze") },
  "/api/v1/idempotency/findings": { GET: guard("idempotency.read") },
  "/api/idempotency/upload": { POST: guard("idempotency.analyze") },
};

/** Server actions by `<file>#<export>` (the file relative to the repository root). */
export const SERVER_ACTION_GUARDS: Record<string, Guard> = {
  "app/locale-actions.ts#setLocale": open("sets the caller's own language cookie, nothing else"),
  "app/(dashboard)/admin/actions.ts#createTokenAction": guard("tokens.manage"),
  "app/(dashboard)/admin/actions.ts#revokeTokenAction": guard("tokens.manage"),
  "app/(dashboard)/admin/actions.ts#createUserAction": guard("users.manage"),
  "app/(dashboard)/admin/actions.ts#setUserDisabledAction": guard("users.manage"),
  "app/(dashboard)/reconciliation/actions.ts#confirmMatchAction": guard("reconciliation.decide"),
  "app/(dashboard)/reconciliation/actions.ts#rejectMatchAction": guard("reconciliation.decide"),
  "app/(dashboard)/reconciliation/actions.ts#undoDecisionAction": guard("reconciliation.decide"),
  "app/(dashboard)/reconciliation/actions.ts#manualMatchAction": guard("reconciliation.decide"),
  "app/(dashboard)/reconciliation/actions.ts#bulkConfirmAction": guard("reconciliation.decide"),
  "app/(dashboard)/payment-links/actions.ts#createLinkAction": guard("links.create", "body"),
  "app/(dashboard)/payment-links/actions.ts#expireLinkAction": guard("links.expire"),
  "app/(dashboard)/terminals/actions.ts#syncNowAction": guard("terminals.sync"),
  "app/(dashboard)/terminals/actions.ts#setStandaloneAction": guard("terminals.standalone.write"),
  "app/(dashboard)/runbook/actions.ts#declareOutageAction": guard("outages.declare", "body"),
  "app/(dashboard)/runbook/actions.ts#confirmOutageAction": guard("outages.declare", "body"),
  "app/(dashboard)/runbook/actions.ts#closeOutageAction": guard("outages.declare", "body"),
  "app/(dashboard)/runbook/actions.ts#recordTapToPayAction": guard("stores.tap_to_pay.write"),
  "app/(dashboard)/runbook/actions.ts#captureReceiptAction": guard("receipts.create", "body"),
  "app/(dashboard)/status/actions.ts#createMaintenanceAction": guard("status.maintenance.write", "body"),
  // The window's store is read from the window itself; the service checks it.
  "app/(dashboard)/status/actions.ts#cancelMaintenanceAction": guard("status.maintenance.write"),
  "app/(dashboard)/status/actions.ts#createAlertEndpointAction": guard("status.alerts.manage"),
  "app/(dashboard)/status/actions.ts#deleteAlertEndpointAction": guard("status.alerts.manage"),
  "app/(dashboard)/status/actions.ts#sendTestAlertAction": guard("status.alerts.manage"),
  "app/(dashboard)/idempotency/actions.ts#runSelfTestAction": guard("idempotency.self_test"),
  "app/(dashboard)/idempotency/actions.ts#auditDashboardAction": guard("idempotency.analyze"),
};

export function isPublic(g: Guard): g is { public: string } {
  return "public" in g;
}
