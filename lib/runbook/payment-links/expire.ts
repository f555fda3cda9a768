// Expiring a link (PATCH /v72/paymentLinks/{id} {status: "expired"}, the only change Adyen allows), audited.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { isAdyenApiError } from "@/lib/adyen/errors";
import { expirePaymentLink as patchExpired } from "@/lib/adyen/payment-links";
import { newIdempotencyKey, withAdyenRetry } from "@/lib/adyen/retry";
import { describeAdyenRefusal } from "@/lib/runbook/payment-links/adyen-words";
import { defaultLinkDeps, type LinkDeps } from "@/lib/runbook/payment-links/deps";
import { toLinkView, type PaymentLinkView } from "@/lib/runbook/payment-links/view";

export async function expirePaymentLink(
  actor: Principal,
  id: string,
  deps: LinkDeps = defaultLinkDeps(),
): Promise<PaymentLinkView> {
  assertCan(actor, "links.expire");
  const row = z.uuid().safeParse(id).success ? await db().paymentLink.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError("NOT_FOUND", `No payment link ${id}.`);
  assertCan(actor, "links.expire", { storeId: row.storeId });
  if (row.status === "expired") return toLinkView(row);
  if (row.status === "completed" || row.status === "paid")
    throw new AppError("CONFLICT", "This link has been paid; it cannot be expired (refund the payment instead).");
  if (row.status === "creating")
    throw new AppError("CONFLICT", "This link is still being created at Adyen; expire it once it shows as open.");
  if (row.status === "failed" || !row.adyenId)
    throw new AppError("CONFLICT", "Adyen never created this link, so there is nothing to expire.");
  const adyenId = row.adyenId;
  let status: string;
  try {
    const { result } = await withAdyenRetry(
      ({ idempotencyKey }) => patchExpired(deps.adyen, adyenId, { idempotencyKey }),
      { idempotencyKey: newIdempotencyKey(), ...deps.retry },
    );
    status = result.status;
  } catch (err) {
    if (!isAdyenApiError(err)) throw err;
    // Adyen refuses to expire a link that was paid meanwhile: say so, the next refresh shows the payment.
    const code = err.httpStatus === 422 ? "CONFLICT" : "UPSTREAM";
    throw new AppError(code, describeAdyenRefusal(err));
  }
  return db().$transaction(async (tx) => {
    const link = await tx.paymentLink.update({ where: { id }, data: { status, statusPolledAt: deps.now() } });
    await recordAudit(tx, actor, {
      action: "payment_link.expire",
      entityType: "payment_link",
      entityId: id,
      before: { status: row.status },
      after: { status },
    });
    return toLinkView(link);
  });
}
