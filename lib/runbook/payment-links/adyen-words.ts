// Adyen's refusals of a payment link, in words a store manager can act on (never raw JSON). Known Checkout error
// codes get their own sentence; anything else keeps Adyen's own message, which is written for people.
import { isAdyenApiError, type AdyenApiError } from "@/lib/adyen/errors";

const BY_CODE: Record<string, string> = {
  "000": "Adyen refused the link",
  "100": "Adyen needs an amount",
  "130": "Adyen needs a reference (the POS order number)",
  "137": "Adyen refused the amount",
  "138": "Adyen does not accept this currency for the account",
  "901": "The merchant account is not valid for Pay by Link; ask an admin to check the Adyen settings",
  "010": "The Adyen credentials may not create payment links; ask an admin to check the API credential's roles",
};

export function describeAdyenRefusal(err: AdyenApiError): string {
  if (err.kind === "timeout") return "Adyen did not answer in time";
  if (err.kind === "network") return "Adyen could not be reached";
  if (err.httpStatus === 401) return "Adyen refused the API key; ask an admin to check the Adyen settings";
  if (err.httpStatus === 403) return BY_CODE["901"] ?? "Adyen refused access";
  if (err.httpStatus === 429) return "Adyen is limiting requests right now; try again in a minute";
  if (err.httpStatus !== undefined && err.httpStatus >= 500) return "Adyen had a problem on its side";
  const base = (err.errorCode && BY_CODE[err.errorCode]) || "Adyen refused the link";
  // Adyen's message names the field for validation errors ("expiresAt must be in the future").
  const message = err.adyenMessage && !/^HTTP Status Response/i.test(err.adyenMessage) ? err.adyenMessage : "";
  const detail = message ? `: ${message.replace(/\.$/, "")}` : "";
  const code = err.errorCode ? ` (error ${err.errorCode})` : "";
  return `${base}${detail}${code}.`;
}

export function describeAnyAdyenError(err: unknown): string {
  return isAdyenApiError(err) ? describeAdyenRefusal(err) : "Unexpected error while calling Adyen";
}
