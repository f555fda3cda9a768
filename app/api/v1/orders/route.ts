// POST /api/v1/orders — up to 10,000 POS orders per call, upserted by merchant reference (resending is safe).
// 200 with counts; 422 with every invalid order by index when any is invalid (nothing written), unless
// ?skipInvalid=true; 413 for more rows or bytes than one call may carry, 415 without a JSON content type; 400
// for a body that is not {orders:[…]}.
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import {
  assertRowLimit,
  importOrders,
  importResponse,
  readJsonBody,
  skipInvalidParam,
} from "@/lib/reconciliation/imports";
import { MAX_ORDERS_PER_REQUEST, posOrdersRequestSchema } from "@/lib/validation/pos-order";

export const dynamic = "force-dynamic";

export const POST = handle("v1.orders", async (req, _ctx, requestId, callerRequestId) => {
  // Store managers too, for their own stores: the import reports rows of other stores as invalid.
  const p = await requireApi("orders.write");
  const body = await readJsonBody(req);
  assertRowLimit(body, "orders", MAX_ORDERS_PER_REQUEST);
  const { orders } = posOrdersRequestSchema.parse(body);
  const result = await importOrders(orders, {
    actor: p,
    skipInvalid: skipInvalidParam(req.url),
    requestId,
    callerRequestId,
  });
  return importResponse(result, { requestId });
});
