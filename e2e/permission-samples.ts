// Sample requests for the permission matrix (e2e/permission-matrix.spec.ts), keyed like the registry in
// lib/auth/route-permissions.ts. Without a sample a page or route is called with its path (a [storeId] segment
// filled with store A, any other segment with a placeholder) and no body, and a server action with no arguments.
// An entry whose store is named in the query or the body needs one here, naming store A; so does any request a
// permitted caller could not otherwise make sense of. Samples use made-up ids: an allowed call may well answer 404 or
// 400 — only 401/403 mean "refused".
import { computeHmacSignature } from "../lib/adyen/hmac";

export type SampleContext = {
  storeA: string;
  /** A fresh value on every call (references, names). */
  unique: () => string;
  webhook: { hmacKey: string; username: string; password: string };
};

export type RouteSample = {
  path?: string;
  headers?: Record<string, string>;
  data?: string | Buffer | Record<string, unknown>;
};

/** A server action argument: a JSON value, or a form (FormData), as the browser would send it. */
export type ActionArg = { form: Record<string, string> } | string | number | boolean | null | ActionArg[];

const NO_SUCH_ITEM = "999999999999";
const NO_SUCH_LINK = "00000000-0000-4000-8000-000000000000";

export const PAGE_SAMPLES: Record<string, (c: SampleContext) => RouteSample> = {};

export const ROUTE_SAMPLES: Record<string, (c: SampleContext) => RouteSample> = {
  "GET /api/auth/[...nextauth]": () => ({ path: "/api/auth/session" }),
  // Without next-auth's CSRF token this signs nobody out; next-auth answers with its own redirect.
  "POST /api/auth/[...nextauth]": () => ({ path: "/api/auth/signout", data: "" }),
  "POST /api/webhooks/adyen": (c) => {
    const item: Record<string, unknown> = {
      amount: { currency: "EUR", value: 100 },
      eventCode: "AUTHORISATION",
      eventDate: new Date().toISOString(),
      merchantAccountCode: "MatrixMerchant",
      merchantReference: `MX-${c.unique()}`,
      pspReference: `MX${c.unique().toUpperCase()}`.slice(0, 16).padEnd(16, "0"),
      success: "true",
    };
    item.additionalData = { hmacSignature: computeHmacSignature(item, c.webhook.hmacKey) };
    const auth = Buffer.from(`${c.webhook.username}:${c.webhook.password}`).toString("base64");
    return {
      headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
      data: JSON.stringify({ live: "false", notificationItems: [{ NotificationRequestItem: item }] }),
    };
  },
  "GET /api/reconciliation/export": (c) => ({ path: `/api/reconciliation/export?store=${c.storeA}` }),
  "GET /api/reconciliation/import-sample": () => ({ path: "/api/reconciliation/import-sample?kind=orders" }),
  "POST /api/reconciliation/upload": (c) => ({
    path: "/api/reconciliation/upload?kind=orders&fileName=matrix.csv",
    headers: { "content-type": "text/csv" },
    data: `merchantReference,storeId,amount,currency,createdAt\nMX-${c.unique()},${c.storeA},1.00,EUR,${new Date().toISOString()}\n`,
  }),
  "POST /api/v1/orders": (c) => ({
    data: {
      orders: [
        {
          merchantReference: `MX-${c.unique()}`,
          storeId: c.storeA,
          amount: { value: 100, currency: "EUR" },
          createdAt: new Date().toISOString(),
        },
      ],
    },
  }),
  "POST /api/v1/receipts": (c) => ({
    data: {
      receipts: [
        {
          storeId: c.storeA,
          amount: { value: 100, currency: "EUR" },
          transactedAt: new Date().toISOString(),
          tenderReference: `MX-${c.unique()}`,
        },
      ],
    },
  }),
  "GET /api/v1/payment-events": () => ({ path: "/api/v1/payment-events?pspReference=MATRIXNOTHING000" }),
  "GET /api/v1/reconciliation": (c) => ({ path: `/api/v1/reconciliation?store=${c.storeA}&limit=5` }),
  // Store A is not in the simulator's catalog: allowed callers get Adyen's refusal (422), nothing is created.
  "POST /api/v1/payment-links": (c) => ({
    headers: { "idempotency-key": c.unique() },
    data: { storeId: c.storeA, reference: `MX-${c.unique()}`, amount: { value: 100, currency: "EUR" } },
  }),
  "GET /api/v1/payment-links": (c) => ({ path: `/api/v1/payment-links?storeId=${c.storeA}` }),
  "GET /api/v1/terminals": (c) => ({ path: `/api/v1/terminals?storeId=${c.storeA}` }),
  // A second long, somewhere in the last days (a window may start at most 7 days back): every allowed caller's
  // window is its own (no overlap refusals).
  "POST /api/v1/outages": (c) => {
    const start = Date.now() - 6 * 24 * 3600_000 + Math.floor(Math.random() * 5 * 24 * 3600_000);
    return {
      data: {
        storeId: c.storeA,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 1000).toISOString(),
        reason: `matrix ${c.unique()}`,
      },
    };
  },
  "GET /api/v1/outages": (c) => ({ path: `/api/v1/outages?storeId=${c.storeA}` }),
  "GET /api/terminals/export": (c) => ({ path: `/api/terminals/export?storeId=${c.storeA}` }),
  "GET /api/v1/status/history": (c) => ({ path: `/api/v1/status/history?storeId=${c.storeA}` }),
  // A window a month or two ahead: allowed callers create it, and it changes nothing the other tests see.
  "POST /api/v1/maintenance-windows": (c) => ({ data: maintenanceSample(c) }),
};

function maintenanceSample(c: SampleContext): Record<string, string> {
  // A minute somewhere a month or two ahead: windows of one store may not overlap, and each caller's is its own.
  const start = Date.now() + 30 * 86_400_000 + Math.floor(Math.random() * 30 * 86_400_000);
  return {
    storeId: c.storeA,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 60_000).toISOString(),
    reason: `matrix ${c.unique()}`,
  };
}

export const ACTION_SAMPLES: Record<string, (c: SampleContext) => ActionArg[]> = {
  "app/locale-actions.ts#setLocale": () => ["en"],
  "app/(dashboard)/admin/actions.ts#createTokenAction": () => [null, { form: { name: "", role: "" } }],
  "app/(dashboard)/admin/actions.ts#revokeTokenAction": () => ["00000000-0000-4000-8000-000000000000"],
  "app/(dashboard)/admin/actions.ts#createUserAction": () => [null, { form: { email: "", role: "", password: "" } }],
  // A user id that does not exist: allowed callers get "not found", nobody is disabled.
  "app/(dashboard)/admin/actions.ts#setUserDisabledAction": () => ["00000000-0000-4000-8000-000000000000", true],
  "app/(dashboard)/reconciliation/actions.ts#confirmMatchAction": () => [NO_SUCH_ITEM, "event", "1"],
  "app/(dashboard)/reconciliation/actions.ts#rejectMatchAction": () => [NO_SUCH_ITEM, "event", "1"],
  "app/(dashboard)/reconciliation/actions.ts#undoDecisionAction": () => [NO_SUCH_ITEM],
  "app/(dashboard)/reconciliation/actions.ts#manualMatchAction": () => [
    null,
    { form: { itemId: NO_SUCH_ITEM, kind: "event", evidenceId: "1" } },
  ],
  "app/(dashboard)/reconciliation/actions.ts#bulkConfirmAction": () => [[NO_SUCH_ITEM]],
  "app/(dashboard)/payment-links/actions.ts#createLinkAction": (c) => [
    null,
    { form: { storeId: c.storeA, amount: "1.00", currency: "EUR", reference: `MX-${c.unique()}` } },
  ],
  "app/(dashboard)/payment-links/actions.ts#expireLinkAction": () => [NO_SUCH_LINK],
  "app/(dashboard)/runbook/actions.ts#declareOutageAction": (c) => [null, { form: { storeId: c.storeA, reason: "" } }],
  // The status panel reports nothing for store A: allowed callers are told so, nothing is created.
  "app/(dashboard)/runbook/actions.ts#confirmOutageAction": (c) => [c.storeA],
  "app/(dashboard)/runbook/actions.ts#closeOutageAction": (c) => [NO_SUCH_LINK, c.storeA],
  "app/(dashboard)/runbook/actions.ts#recordTapToPayAction": () => [
    null,
    { form: { storeId: "matrix-no-such-store", available: "no" } },
  ],
  "app/(dashboard)/runbook/actions.ts#captureReceiptAction": (c) => [
    null,
    { form: { storeId: c.storeA, amount: "0", currency: "EUR", time: "" } },
  ],
  "app/(dashboard)/status/actions.ts#createMaintenanceAction": (c) => [null, { form: maintenanceSample(c) }],
  "app/(dashboard)/status/actions.ts#cancelMaintenanceAction": () => ["00000000-0000-4000-8000-000000000000"],
  "app/(dashboard)/status/actions.ts#createAlertEndpointAction": () => [null, { form: { name: "", url: "" } }],
  "app/(dashboard)/status/actions.ts#deleteAlertEndpointAction": () => ["00000000-0000-4000-8000-000000000000"],
  "app/(dashboard)/status/actions.ts#sendTestAlertAction": () => ["00000000-0000-4000-8000-000000000000"],
};
