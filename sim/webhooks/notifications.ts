// Standard notification payloads (NotificationRequest with one signed NotificationRequestItem).
import { signNotificationItem } from "../webhook-signing";

export interface NotificationItem {
  readonly additionalData: Readonly<Record<string, string>>;
  readonly amount: { readonly currency: string; readonly value: number };
  readonly eventCode: string;
  readonly eventDate: string;
  readonly merchantAccountCode: string;
  readonly merchantReference: string;
  readonly pspReference: string;
  readonly originalReference?: string;
  readonly paymentMethod?: string;
  readonly reason?: string;
  readonly success: "true" | "false";
  readonly operations?: readonly string[];
}

export interface NotificationRequest {
  readonly live: "false";
  readonly notificationItems: readonly { readonly NotificationRequestItem: NotificationItem }[];
}

export function buildNotification(item: NotificationItem, hmacKey: string): NotificationRequest {
  return { live: "false", notificationItems: [{ NotificationRequestItem: signNotificationItem(item, hmacKey) }] };
}

/** Drops undefined values so additionalData stays a string map. */
export function stringMap(entries: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v;
  return out;
}
