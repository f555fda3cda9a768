// POST /api/v1/orders — up to 10,000 POS orders per call, upserted by merchant reference (resending is safe).
// 200 with counts; 422 with every invalid order by index when any is invalid (nothing written), unless
// ?skipInvalid=true; 400 for a body that is not {orders:[…]}.
import { requireApi } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/route";
import { importOrders, importResponse, skipInvalidParam } from "@/lib/reconciliation/imports";
import { posOrdersRequestSchema } from "@/lib/validation/pos-order";

export const dynamic = "force-dynamic";

export const POST = handle("v1.orders", async (req, _ctx, requestId, callerRequestId) => {
  // Store managers too, for their own stores: the import reports rows of other stores as invalid.
  const p = await requireApi("orders.write");
  const { orders } = posOrdersRequestSchema.parse(await readJson(req));
  const result = await importOrders(orders, {
    actor: p,
    skipInvalid: skipInvalidParam(req.url),
    requestId,
    callerRequestId,
  });
  return importResponse(result, { requestId });
});
