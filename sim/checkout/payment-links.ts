// Payment link records and their lifecycle (active → paymentPending → completed, or expired).
import type { Amount } from "../money";
import { formatUtcSeconds } from "../time-format";

export const LINK_STATUSES = ["active", "paymentPending", "completed", "paid", "expired"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface LinkPayment {
  readonly pspReference: string;
  readonly success: boolean;
  readonly at: Date;
  /** Set when the control API forced a payment that the link's status would not allow. */
  readonly forced: boolean;
}

export interface PaymentLink {
  readonly id: string;
  /** The accepted request fields, echoed back in every response as Adyen does. */
  readonly request: Readonly<Record<string, unknown>>;
  readonly amount: Amount;
  readonly reference: string;
  readonly merchantAccount: string;
  readonly reusable: boolean;
  readonly store: string | undefined;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  status: LinkStatus;
  updatedAt: Date;
  readonly payments: LinkPayment[];
}

/** Stored status, except that an unused link past its expiry date reads as expired. */
export function currentStatus(link: PaymentLink, now: Date): LinkStatus {
  return link.status === "active" && now.getTime() >= link.expiresAt.getTime() ? "expired" : link.status;
}

export function linkUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/payByLink/${encodeURIComponent(id)}`;
}

export function setLinkStatus(link: PaymentLink, status: LinkStatus, now: Date): void {
  link.status = status;
  link.updatedAt = now;
}

/** The PaymentLinkResponse body. */
export function linkResponse(link: PaymentLink, now: Date, publicUrl: string): Record<string, unknown> {
  const status = currentStatus(link, now);
  const updatedAt = status === "expired" && link.status === "active" ? link.expiresAt : link.updatedAt;
  return {
    ...link.request,
    id: link.id,
    url: linkUrl(publicUrl, link.id),
    status,
    reusable: link.reusable,
    expiresAt: formatUtcSeconds(link.expiresAt),
    updatedAt: formatUtcSeconds(updatedAt),
  };
}
