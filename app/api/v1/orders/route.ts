// POST /api/v1/orders — up to 10,000 POS orders per call, upserted by merchant reference (resending is safe).
// 200 with counts; 422 with every invalid order by index when any is invalid (nothing written), unless
// ?skipInvalid=true; 400 for a body that is not {orders:[…]}.
import { requireApi } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/route";
import { assertMayImport, importOrders, importResponse, skipInvalidParam } from "@/lib/reconciliation/imports";
import { posOrdersRequestSchema } from "@/lib/validation/pos-order";

export const dynamic = "force-dynamic";

export const POST = handle("v1.orders", async (req, _ctx, requestId) => {
  // "status" is open to every role, so this only authenticates; IMPORT_ROLES decides (admin, finance,
  // store_manager for their own stores), because no area of lib/auth/roles.ts has exactly those roles.
  const p = await requireApi("status");
  assertMayImport(p, "orders");
  const { orders } = posOrdersRequestSchema.parse(await readJson(req));
  const result = await importOrders(orders, { actor: p, skipInvalid: skipInvalidParam(req.url), requestId });
  return importResponse(result, { requestId });
});
