// What an exchange keeps of its URL: what is stored (MAX_URL) and the margin redaction reads past a cut. A URL is
// remembered by the records of open chains and the classification cache, so its size must not be the line's.
import { CUT_MARGIN, MAX_URL } from "@/lib/idempotency/redact";

export const MAX_KEPT_URL = MAX_URL + CUT_MARGIN;

export const keptUrl = (url: string): string => (url.length > MAX_KEPT_URL ? url.slice(0, MAX_KEPT_URL) : url);

/** The URL's length as sent when keptUrl cut it, else undefined (the field is then left out of what is stored). */
export const cutUrlLength = (url: string): number | undefined => (url.length > MAX_KEPT_URL ? url.length : undefined);
