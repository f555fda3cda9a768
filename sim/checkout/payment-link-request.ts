// Validation of POST /paymentLinks bodies, answering with Adyen's error codes and messages.
import { serviceError } from "../errors";
import type { Reply } from "../http/reply";
import type { Amount } from "../money";

/** Every property of Checkout v72 PaymentLinkRequest; anything else is rejected like Adyen does. */
export const PAYMENT_LINK_REQUEST_FIELDS: readonly string[] = [
  "allowedPaymentMethods",
  "amount",
  "applicationInfo",
  "billingAddress",
  "blockedPaymentMethods",
  "captureDelayHours",
  "countryCode",
  "dateOfBirth",
  "deliverAt",
  "deliveryAddress",
  "description",
  "expiresAt",
  "fundOrigin",
  "fundRecipient",
  "installmentOptions",
  "lineItems",
  "manualCapture",
  "mcc",
  "merchantAccount",
  "merchantOrderReference",
  "metadata",
  "platformChargebackLogic",
  "recurringProcessingModel",
  "reference",
  "requiredShopperFields",
  "returnUrl",
  "reusable",
  "riskData",
  "shopperEmail",
  "shopperLocale",
  "shopperName",
  "shopperReference",
  "shopperStatement",
  "showRemovePaymentMethodButton",
  "socialSecurityNumber",
  "splitCardFundingSources",
  "splits",
  "store",
  "storePaymentMethodMode",
  "telephoneNumber",
  "themeId",
  "threeDS2RequestData",
];

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_EXPIRY_MS = 70 * DAY_MS;
// ISO 8601 with a zone designator, as the spec demands for expiresAt.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface ValidLinkRequest {
  readonly fields: Record<string, unknown>;
  readonly amount: Amount;
  readonly reference: string;
  readonly merchantAccount: string;
  readonly expiresAt: Date;
  readonly reusable: boolean;
  readonly store: string | undefined;
}

export interface LinkRequestContext {
  readonly merchantAccount: string;
  readonly now: Date;
  readonly isKnownStore: (store: string) => boolean;
}

type Result = { ok: true; value: ValidLinkRequest } | { ok: false; reply: Reply };

const errorReply = (status: number, code: string, message: string): Reply =>
  serviceError(status, code, message, status === 403 ? "security" : "validation");

const fail = (status: number, code: string, message: string): Result => ({
  ok: false,
  reply: errorReply(status, code, message),
});

export function validateLinkRequest(body: unknown, ctx: LinkRequestContext): Result {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return fail(400, "702", "Unexpected input: the request body must be a JSON object");
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((k) => !PAYMENT_LINK_REQUEST_FIELDS.includes(k));
  if (unknown.length > 0) {
    return fail(
      400,
      "702",
      `Structure of PaymentLinkRequest contains the following unknown fields: [${unknown.join(", ")}]`,
    );
  }
  const { merchantAccount, amount, reference, description, shopperLocale, reusable, store } = fields;
  if (typeof merchantAccount !== "string" || merchantAccount === "") {
    return fail(422, "901", "Invalid Merchant Account");
  }
  if (merchantAccount !== ctx.merchantAccount) return fail(403, "901", "Invalid Merchant Account");
  if (amount === undefined || amount === null) return fail(422, "100", "No amount specified");
  if (typeof amount !== "object" || Array.isArray(amount)) return fail(422, "137", "Invalid amount specified");
  const { currency, value } = amount as Record<string, unknown>;
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) {
    return fail(422, "138", "Unsupported currency specified");
  }
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    return fail(422, "137", "Invalid amount specified");
  }
  if (typeof reference !== "string" || reference.trim() === "") return fail(422, "130", "Reference Missing");
  if (description !== undefined && (typeof description !== "string" || description.length > 280)) {
    return fail(422, "000", "description must be a string of at most 280 characters");
  }
  if (shopperLocale !== undefined && (typeof shopperLocale !== "string" || shopperLocale.length > 32)) {
    return fail(422, "000", "shopperLocale must be a string of at most 32 characters");
  }
  if (reusable !== undefined && typeof reusable !== "boolean") return fail(422, "000", "reusable must be a boolean");
  if (store !== undefined && (typeof store !== "string" || !ctx.isKnownStore(store))) {
    return fail(422, "000", "Invalid store: not found under this merchant account");
  }
  const expiry = resolveExpiry(fields["expiresAt"], ctx.now);
  if (!expiry.ok) return expiry;
  return {
    ok: true,
    value: {
      fields,
      amount: { currency, value },
      reference,
      merchantAccount,
      expiresAt: expiry.at,
      reusable: reusable === true,
      store: typeof store === "string" ? store : undefined,
    },
  };
}

function resolveExpiry(raw: unknown, now: Date): { ok: true; at: Date } | { ok: false; reply: Reply } {
  if (raw === undefined) return { ok: true, at: new Date(now.getTime() + DAY_MS) };
  if (typeof raw !== "string" || !ISO_WITH_ZONE.test(raw) || Number.isNaN(Date.parse(raw))) {
    return {
      ok: false,
      reply: errorReply(422, "000", "expiresAt must be an ISO 8601 date-time with a time zone offset"),
    };
  }
  const at = new Date(Date.parse(raw));
  if (at.getTime() <= now.getTime()) {
    return { ok: false, reply: errorReply(422, "000", "expiresAt must be in the future") };
  }
  if (at.getTime() - now.getTime() > MAX_EXPIRY_MS) {
    const message = "expiresAt exceeds the maximum of 70 days after the payment link is created";
    return { ok: false, reply: errorReply(422, "000", message) };
  }
  return { ok: true, at };
}
