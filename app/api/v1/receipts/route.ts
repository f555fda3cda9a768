// POST /api/v1/receipts — up to 10,000 standalone receipts per call; a receipt already stored is a duplicate
// and adds nothing. 200 with counts; 422 with every invalid receipt by index (nothing written) unless
// ?skipInvalid=true; 413 for more rows or bytes than one call may carry, 415 without a JSON content type; 400
// for a body that is not {receipts:[…]}.
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import {
  assertRowLimit,
  importReceipts,
  importResponse,
  MAX_RECEIPTS_PER_REQUEST,
  readJsonBody,
  receiptsRequestSchema,
  skipInvalidParam,
} from "@/lib/reconciliation/imports";

export const dynamic = "force-dynamic";

export const POST = handle("v1.receipts", async (req, _ctx, requestId, callerRequestId) => {
  // Store managers too, for their own stores: the import reports rows of other stores as invalid.
  const p = await requireApi("receipts.create");
  const body = await readJsonBody(req);
  assertRowLimit(body, "receipts", MAX_RECEIPTS_PER_REQUEST);
  const { receipts } = receiptsRequestSchema.parse(body);
  const result = await importReceipts(receipts, {
    actor: p,
    skipInvalid: skipInvalidParam(req.url),
    requestId,
    callerRequestId,
  });
  return importResponse(result, { requestId });
});
