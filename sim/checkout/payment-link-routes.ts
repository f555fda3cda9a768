// Checkout v72 payment link endpoints: POST /paymentLinks, GET and PATCH /paymentLinks/{linkId}.
import { notFound, serviceError } from "../errors";
import { jsonReply, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import { newPaymentLinkId } from "../ids";
import { findStore, type SimRuntime } from "../runtime";
import { validateLinkRequest } from "./payment-link-request";
import { currentStatus, linkResponse, setLinkStatus, type PaymentLink } from "./payment-links";

type JsonResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

function parseJsonBody(raw: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : "invalid JSON";
    return { ok: false, reply: serviceError(400, "702", `Unexpected input: ${detail}`, "validation") };
  }
}

export function createPaymentLink(req: RequestContext, rt: SimRuntime): Reply {
  const body = parseJsonBody(req.rawBody);
  if (!body.ok) return body.reply;
  const now = rt.clock.now();
  const checked = validateLinkRequest(body.value, {
    merchantAccount: rt.config.merchantAccount,
    now,
    isKnownStore: (store) => findStore(rt, store) !== undefined,
  });
  if (!checked.ok) return checked.reply;
  const v = checked.value;
  const link: PaymentLink = {
    id: newPaymentLinkId(),
    request: { ...v.fields },
    amount: v.amount,
    reference: v.reference,
    merchantAccount: v.merchantAccount,
    reusable: v.reusable,
    store: v.store,
    createdAt: now,
    expiresAt: v.expiresAt,
    status: "active",
    updatedAt: now,
    payments: [],
  };
  rt.state.links.set(link.id, link);
  return jsonReply(201, linkResponse(link, now, rt.urls.public));
}

export function getPaymentLink(req: RequestContext, rt: SimRuntime): Reply {
  const link = rt.state.links.get(req.params["linkId"] ?? "");
  if (!link) return notFound("service", "Payment link not found");
  return jsonReply(200, linkResponse(link, rt.clock.now(), rt.urls.public));
}

export function updatePaymentLink(req: RequestContext, rt: SimRuntime): Reply {
  const link = rt.state.links.get(req.params["linkId"] ?? "");
  if (!link) return notFound("service", "Payment link not found");
  const body = parseJsonBody(req.rawBody);
  if (!body.ok) return body.reply;
  const value = body.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return serviceError(400, "702", "Unexpected input: the request body must be a JSON object", "validation");
  }
  const unknown = Object.keys(value).filter((k) => k !== "status");
  if (unknown.length > 0) {
    const message = `Structure of UpdatePaymentLinkRequest contains the following unknown fields: [${unknown.join(", ")}]`;
    return serviceError(400, "702", message, "validation");
  }
  if ((value as { status?: unknown }).status !== "expired") {
    return serviceError(422, "000", "status: the only supported value is expired", "validation");
  }
  const now = rt.clock.now();
  const status = currentStatus(link, now);
  if (status === "completed" || status === "paid") {
    return serviceError(422, "000", `Payment link is ${status} and cannot be expired`, "validation");
  }
  if (status !== "expired") setLinkStatus(link, "expired", now);
  return jsonReply(200, linkResponse(link, now, rt.urls.public));
}
