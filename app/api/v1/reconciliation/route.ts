// GET /api/v1/reconciliation — one item per order plus one per payment with no order; keyset-paginated.
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { parseReconFilter } from "@/lib/reconciliation/filters";
import { listReconItems } from "@/lib/reconciliation/queries";

export const dynamic = "force-dynamic";

export const GET = handle("v1.reconciliation", async (req) => {
  const p = await requireApi("reconciliation.read");
  const f = parseReconFilter(new URL(req.url).searchParams);
  const page = await listReconItems(p, f);
  return Response.json({
    items: page.items.map((i) => ({
      merchantReference: i.merchantReference,
      storeId: i.storeId,
      amount: i.amount,
      status: i.status,
      method: i.method,
      confidence: i.confidence,
      reason: i.reason,
      occurredAt: i.occurredAt,
      evidence: i.evidence.map((e) => ({
        kind: e.kind,
        id: e.id,
        pspReference: e.pspReference ?? null,
        role: e.role ?? null,
      })),
    })),
    nextCursor: page.nextCursor,
  });
});
