// POST /api/v1/payment-links — create a Pay by Link link for a POS order (store managers: their stores). An
// Idempotency-Key header (required with an API token) makes a resend safe: the same key and body answer the same
// link, another body is a 422.
// 201 with the link; 202 while Adyen has not confirmed it yet (resend with the same key, or GET it by id).
// GET /api/v1/payment-links?storeId=&status=&q=&cursor=&limit= — newest first, keyset-paginated.
import { requireApi } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/route";
import { readJsonBody } from "@/lib/reconciliation/imports";
import { createPaymentLink, listPaymentLinks, toLinkView } from "@/lib/runbook";

export const dynamic = "force-dynamic";

export const POST = handle("v1.payment-links.create", async (req) => {
  const p = await requireApi("links.create");
  const outcome = await createPaymentLink(p, await readJsonBody(req), {
    clientKey: req.headers.get("idempotency-key"),
  });
  const link = toLinkView(outcome.link);
  if (outcome.kind === "failed") {
    // Refused by Adyen: credentials or account (its fault or ours) are 502, the request itself 422.
    const upstream = outcome.httpStatus === 401 || outcome.httpStatus === 403;
    throw new AppError(upstream ? "UPSTREAM" : "UNPROCESSABLE", outcome.problem, { linkId: link.id });
  }
  if (outcome.kind === "pending") return Response.json(link, { status: 202, headers: { "retry-after": "5" } });
  return Response.json(link, { status: 201 });
});

export const GET = handle("v1.payment-links.list", async (req) => {
  const p = await requireApi("links.read");
  return Response.json(await listPaymentLinks(p, Object.fromEntries(new URL(req.url).searchParams)));
});
