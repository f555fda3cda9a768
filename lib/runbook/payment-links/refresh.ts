// Keeps open links current: applies AUTHORISATION webhooks, and polls GET /v72/paymentLinks/{id} for links still
// open (a webhook can be late or lost; only Adyen knows that a link expired or a payment is pending).
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { recordAudit } from "@/lib/audit";
import { getPaymentLink } from "@/lib/adyen/payment-links";
import { isAdyenApiError } from "@/lib/adyen/errors";
import { withAdyenReadRetry } from "@/lib/adyen/retry";
import { applyLinkEvents } from "@/lib/runbook/payment-links/link-events";
import { defaultLinkDeps, type LinkDeps } from "@/lib/runbook/payment-links/deps";

/** A link is polled again at most this often. */
export const POLL_EVERY_MS = 60_000;
const BATCH = 100;
const IN_FLIGHT = 5;

export type RefreshResult = { fromWebhooks: number; polled: number; changed: number };

export async function refreshLinkStatuses(deps: LinkDeps = defaultLinkDeps()): Promise<RefreshResult> {
  const fromWebhooks = (await applyLinkEvents()).length;
  const now = deps.now();
  const due = await db().paymentLink.findMany({
    where: {
      status: { in: ["active", "paymentPending"] },
      adyenId: { not: null },
      OR: [{ statusPolledAt: null }, { statusPolledAt: { lt: new Date(now.getTime() - POLL_EVERY_MS) } }],
    },
    orderBy: [{ statusPolledAt: { sort: "asc", nulls: "first" } }],
    take: BATCH,
    select: { id: true, adyenId: true, status: true },
  });
  let changed = 0;
  let next = 0;
  const worker = async () => {
    for (let link = due[next++]; link; link = due[next++]) {
      if (link.adyenId && (await pollOne(link as { id: string; adyenId: string; status: string }, deps))) changed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, due.length) }, worker));
  const result = { fromWebhooks, polled: due.length, changed };
  if (fromWebhooks + changed > 0) log.info("links.refreshed", result);
  return result;
}

async function pollOne(link: { id: string; adyenId: string; status: string }, deps: LinkDeps): Promise<boolean> {
  let status: string;
  try {
    status = (await withAdyenReadRetry(() => getPaymentLink(deps.adyen, link.adyenId), { maxAttempts: 2 })).status;
  } catch (err) {
    if (!isAdyenApiError(err)) throw err;
    // Try again next round; one unanswered poll changes nothing.
    log.warn("links.poll_failed", { linkId: link.id, error: err.message });
    return false;
  }
  return db().$transaction(async (tx) => {
    // Only while still open: a webhook may have completed the link meanwhile.
    const updated = await tx.paymentLink.updateMany({
      where: { id: link.id, status: link.status },
      data: { status, statusPolledAt: deps.now() },
    });
    if (updated.count === 0 || status === link.status) return false;
    await recordAudit(tx, "system", {
      action: "payment_link.status",
      entityType: "payment_link",
      entityId: link.id,
      before: { status: link.status },
      after: { status, source: "poll" },
    });
    return true;
  });
}
