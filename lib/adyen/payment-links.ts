// Pay by Link calls (Checkout v72) over the library's PaymentLinksApi; creation always carries an Idempotency-Key.
import type { Types } from "@adyen/api-library";
import type { IRequest } from "@adyen/api-library/lib/src/typings/requestOptions";
import { adyenLibrary } from "@/lib/adyen/library";
import type { Adyen } from "@/lib/adyen/client";

export type PaymentLinkRequest = Types.checkout.PaymentLinkRequest;
export type PaymentLinkResponse = Types.checkout.PaymentLinkResponse;

type CallOptions = Omit<IRequest.Options, "idempotencyKey">;

/**
 * POST /v72/paymentLinks. The key is required: one per logical link, persisted by the caller before
 * the first attempt and reused on every retry, so a double click or timeout never makes two links.
 */
export function createPaymentLink(
  adyen: Adyen,
  request: PaymentLinkRequest,
  idempotencyKey: string,
  options: CallOptions = {},
): Promise<PaymentLinkResponse> {
  return adyen.paymentLinks.paymentLinks(request, { ...options, idempotencyKey });
}

/** GET /v72/paymentLinks/{linkId}: the link's live status. */
export function getPaymentLink(adyen: Adyen, linkId: string, options?: IRequest.Options): Promise<PaymentLinkResponse> {
  return adyen.paymentLinks.getPaymentLink(linkId, options);
}

/** PATCH /v72/paymentLinks/{linkId} {status: "expired"}: the only update Adyen allows. */
export function expirePaymentLink(
  adyen: Adyen,
  linkId: string,
  options?: IRequest.Options,
): Promise<PaymentLinkResponse> {
  const expired = adyenLibrary.Types.checkout.UpdatePaymentLinkRequest.StatusEnum.Expired;
  return adyen.paymentLinks.updatePaymentLink(linkId, { status: expired }, options);
}
