// GET /api/v1/payment-events?pspReference=… — the stored Adyen notifications of one payment and its
// modifications, ordered by event date. Roles: admin, finance, engineering.
import { requireApi } from "@/lib/auth/session";
import { handle, zodToAppError } from "@/lib/http/route";
import { listPaymentEvents, paymentEventsQuerySchema } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

export const GET = handle("v1.payment-events", async (req) => {
  const p = await requireApi("payment_events.read");
  const params = new URL(req.url).searchParams;
  const query = paymentEventsQuerySchema.safeParse({ pspReference: params.get("pspReference") ?? undefined });
  if (!query.success) throw zodToAppError(query.error, "query");
  return Response.json({ items: await listPaymentEvents(p, query.data.pspReference) });
});
