// Finishes creations that a request left `creating`: the app crashed between storing the link and Adyen's answer,
// or Adyen kept failing transiently. Each is retried with its stored key and request, so a link Adyen already made
// is answered again (not made twice). A run picks rows no attempt touched for a while.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { recordAudit } from "@/lib/audit";
import { attemptCreation } from "@/lib/runbook/payment-links/attempt";
import { defaultLinkDeps, type LinkDeps } from "@/lib/runbook/payment-links/deps";

/** Leaves a row alone this long after an attempt started, so the request that made it can finish. */
export const RESUME_AFTER_MS = 20_000;
/**
 * Adyen keeps idempotency keys for at least 7 days; past that a retry could make a second link. Creations not
 * confirmed within this time (or by the link's expiry) are given up and marked failed.
 */
export const GIVE_UP_AFTER_MS = 6 * 24 * 60 * 60 * 1000;
const BATCH = 50;
const IN_FLIGHT = 4;

/** The background budget: more patient than a request, since nobody waits at a till for it. */
const JOB_RETRY = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 10_000, inFlightMinDelayMs: 1_000 };

export type ResumeResult = { created: number; pending: number; failed: number; abandoned: number };

export async function resumePendingCreations(
  deps: LinkDeps = defaultLinkDeps({ retry: JOB_RETRY }),
): Promise<ResumeResult> {
  const now = deps.now();
  const result: ResumeResult = { created: 0, pending: 0, failed: 0, abandoned: 0 };
  result.abandoned = await abandonStale(now);
  const stale = new Date(now.getTime() - RESUME_AFTER_MS);
  const rows = await db().paymentLink.findMany({
    where: {
      status: "creating",
      OR: [{ lastAttemptAt: null, createdAt: { lt: stale } }, { lastAttemptAt: { lt: stale } }],
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  let next = 0;
  const worker = async () => {
    for (let row = rows[next++]; row; row = rows[next++]) {
      const outcome = await attemptCreation(row, deps, "system");
      result[outcome.kind]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, rows.length) }, worker));
  if (rows.length > 0) log.info("links.resumed", { ...result });
  return result;
}

async function abandonStale(now: Date): Promise<number> {
  const rows = await db().paymentLink.findMany({
    where: {
      status: "creating",
      OR: [{ createdAt: { lt: new Date(now.getTime() - GIVE_UP_AFTER_MS) } }, { expiresAt: { lt: now } }],
    },
    select: { id: true, reference: true },
  });
  if (rows.length === 0) return 0;
  const problem =
    "Adyen did not confirm the link before it expired; its address was never shown, so nobody could pay it.";
  await db().$transaction(async (tx) => {
    await tx.paymentLink.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, status: "creating" },
      data: { status: "failed", lastError: problem },
    });
    for (const r of rows) {
      await recordAudit(tx, "system", {
        action: "payment_link.create_failed",
        entityType: "payment_link",
        entityId: r.id,
        after: { reference: r.reference, status: "failed", problem },
      });
    }
  });
  return rows.length;
}
