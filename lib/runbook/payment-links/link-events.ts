// Live link status from AUTHORISATION webhooks: Adyen puts the link's id in additionalData.paymentLinkId, and the
// webhook receiver stores it in payment_events.payment_link_id. A successful authorisation completes the link.
import { Prisma, type PaymentLink } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";

type Changed = { id: string; before: string; psp_reference: string };

/**
 * Completes every open link (or the given ones) that has a successful AUTHORISATION. Driven by the open links, each
 * looked up in payment_events by its id (indexed), so the cost follows the open links, not the event history.
 * An expired link that was paid anyway (the shopper finished just before the expiry) counts as paid.
 */
export async function applyLinkEvents(opts: { adyenIds?: readonly string[] } = {}): Promise<PaymentLink[]> {
  const only = opts.adyenIds ? Prisma.sql`AND l.adyen_id = ANY(${[...opts.adyenIds]})` : Prisma.empty;
  const changed = await db().$queryRaw<Changed[]>`
    WITH paid AS (
      SELECT l.id, l.status AS before, e.psp_reference, COALESCE(e.event_date, e.received_at) AS at
      FROM payment_links l
      JOIN LATERAL (
        SELECT psp_reference, event_date, received_at FROM payment_events e
        WHERE e.payment_link_id = l.adyen_id AND e.event_code = 'AUTHORISATION' AND e.success
        ORDER BY e.received_at LIMIT 1
      ) e ON TRUE
      WHERE l.status IN ('active', 'paymentPending', 'expired') AND l.adyen_id IS NOT NULL ${only}
    )
    UPDATE payment_links l
    SET status = 'completed', paid_at = paid.at, psp_reference = paid.psp_reference, updated_at = now()
    FROM paid WHERE l.id = paid.id
    RETURNING l.id, paid.before, paid.psp_reference`;
  if (changed.length === 0) return [];
  await db().$transaction(async (tx) => {
    for (const c of changed) {
      await recordAudit(tx, "system", {
        action: "payment_link.status",
        entityType: "payment_link",
        entityId: c.id,
        before: { status: c.before },
        after: { status: "completed", pspReference: c.psp_reference, source: "webhook" },
      });
    }
  });
  return db().paymentLink.findMany({ where: { id: { in: changed.map((c) => c.id) } } });
}
