// HMAC-SHA256 signatures of Adyen standard notifications, exactly as Adyen computes them.
import { createHmac } from "node:crypto";

/** The fields the signature covers; anything missing signs as an empty string. */
export interface SignableItem {
  readonly pspReference?: string;
  readonly originalReference?: string;
  readonly merchantAccountCode?: string;
  readonly merchantReference?: string;
  readonly amount?: { readonly value?: number; readonly currency?: string };
  readonly eventCode?: string;
  readonly success?: string;
}

/** `pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success`, unescaped. */
export function signingPayload(item: SignableItem): string {
  return [
    item.pspReference ?? "",
    item.originalReference ?? "",
    item.merchantAccountCode ?? "",
    item.merchantReference ?? "",
    item.amount?.value === undefined ? "" : String(item.amount.value),
    item.amount?.currency ?? "",
    item.eventCode ?? "",
    item.success ?? "",
  ].join(":");
}

/** Base64 HMAC-SHA256 over the signing payload, keyed with the hex-decoded key. */
export function computeHmacSignature(item: SignableItem, hexKey: string): string {
  return createHmac("sha256", Buffer.from(hexKey, "hex")).update(signingPayload(item), "utf8").digest("base64");
}

/** A copy of the item with `additionalData.hmacSignature` set. */
export function signNotificationItem<
  T extends SignableItem & { readonly additionalData?: Readonly<Record<string, string>> },
>(item: T, hexKey: string): T & { additionalData: Record<string, string> } {
  return { ...item, additionalData: { ...item.additionalData, hmacSignature: computeHmacSignature(item, hexKey) } };
}
