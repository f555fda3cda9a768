// The few additionalData entries reconciliation keys on, read under every name we have seen them carry.
// Webhooks-v1 names them `paymentLinkId`, `terminalId`, `tenderReference` and `store` (the simulator sends the
// same); terminals and the Terminal API call them `POIID`/`tid` and `txRef`, and some integrations forward those.

/** First name wins; lookup is case-insensitive because Adyen's own payloads vary in case. */
export const ADDITIONAL_DATA_KEYS = {
  paymentLinkId: ["paymentLinkId"],
  terminalId: ["terminalId", "posTerminalId", "POIID", "tid"],
  tenderReference: ["tenderReference", "posTenderReference", "txRef"],
  storeHint: ["store", "storeId", "storeReference"],
} as const;

// Adyen writes the literal "None" for `store` when a payment has none (see php-tools-hmac-payload.json).
const NO_VALUE = new Set(["", "none", "null", "undefined"]);

export type AdditionalDataFields = {
  paymentLinkId: string | null;
  terminalId: string | null;
  tenderReference: string | null;
  storeHint: string | null;
  /** additionalData without the HMAC signature: it authenticates the delivery, it is not payment data. */
  additionalData: Record<string, unknown>;
};

function lookup(
  data: Readonly<Record<string, unknown>>,
  byLowerKey: Map<string, unknown>,
  names: readonly string[],
): string | null {
  for (const name of names) {
    const value = name in data ? data[name] : byLowerKey.get(name.toLowerCase());
    if (typeof value !== "string") continue;
    const trimmed = value.trim();
    if (!NO_VALUE.has(trimmed.toLowerCase())) return trimmed;
  }
  return null;
}

export function readAdditionalData(data: Readonly<Record<string, unknown>>): AdditionalDataFields {
  const byLowerKey = new Map<string, unknown>();
  const additionalData: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!byLowerKey.has(lower)) byLowerKey.set(lower, value);
    if (lower !== "hmacsignature") additionalData[key] = value;
  }
  return {
    paymentLinkId: lookup(data, byLowerKey, ADDITIONAL_DATA_KEYS.paymentLinkId),
    terminalId: lookup(data, byLowerKey, ADDITIONAL_DATA_KEYS.terminalId),
    tenderReference: lookup(data, byLowerKey, ADDITIONAL_DATA_KEYS.tenderReference),
    storeHint: lookup(data, byLowerKey, ADDITIONAL_DATA_KEYS.storeHint),
    additionalData,
  };
}
