// One run of the creation state machine for a link already stored as `creating` with its key and request:
// call Adyen with that key (retrying transient failures, waiting out a 704 "same key in flight"), then commit.
// Safe to run again at any point, by the request, by the resume job or both at once: Adyen answers the same key
// with the same link, so a lost answer, a timeout or a crash between call and commit never yields a second link.
import type { PaymentLink } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { Principal } from "@/lib/auth/principal";
import { isAdyenApiError } from "@/lib/adyen/errors";
import { createPaymentLink, type PaymentLinkResponse } from "@/lib/adyen/payment-links";
import { isRetryableAdyenError, withAdyenRetry } from "@/lib/adyen/retry";
import { describeAdyenRefusal } from "@/lib/runbook/payment-links/adyen-words";
import type { LinkDeps } from "@/lib/runbook/payment-links/deps";
import { applyLinkEvents } from "@/lib/runbook/payment-links/link-events";
import { readStoredRequest, toLibraryRequest } from "@/lib/runbook/payment-links/stored-request";
import { toLinkView } from "@/lib/runbook/payment-links/view";

export type CreationOutcome =
  | { kind: "created"; link: PaymentLink }
  | { kind: "pending"; link: PaymentLink; problem: string }
  | { kind: "failed"; link: PaymentLink; problem: string; httpStatus: number | undefined };

export async function attemptCreation(
  row: PaymentLink,
  deps: LinkDeps,
  actor: Principal | "system",
): Promise<CreationOutcome> {
  if (row.status !== "creating") return settled(row);
  const request = toLibraryRequest(readStoredRequest(row.request));
  // Marks the row as being worked on, so the resume job leaves it to this run for a while.
  await db().paymentLink.update({ where: { id: row.id }, data: { lastAttemptAt: deps.now() } });
  let attempts = 0;
  try {
    const { result } = await withAdyenRetry(
      ({ idempotencyKey }) => {
        attempts++;
        return createPaymentLink(deps.adyen, request, idempotencyKey);
      },
      { idempotencyKey: row.idempotencyKey, ...deps.retry },
    );
    await deps.afterAdyenAnswered?.(result);
    return { kind: "created", link: await commitCreated(row, result, attempts, actor) };
  } catch (err) {
    if (!isAdyenApiError(err)) throw err;
    const problem = describeAdyenRefusal(err);
    const httpStatus = err.httpStatus;
    if (isRetryableAdyenError(err)) {
      const link = await db().paymentLink.update({
        where: { id: row.id },
        data: { attempts: { increment: attempts }, lastError: problem },
      });
      return { kind: "pending", link, problem };
    }
    return {
      kind: "failed",
      link: await commitFailed(row, problem, attempts, actor),
      problem,
      httpStatus,
    };
  }
}

function settled(row: PaymentLink): CreationOutcome {
  if (row.status === "failed")
    return { kind: "failed", link: row, problem: row.lastError ?? "", httpStatus: undefined };
  return { kind: "created", link: row };
}

async function commitCreated(
  row: PaymentLink,
  response: PaymentLinkResponse,
  attempts: number,
  actor: Principal | "system",
): Promise<PaymentLink> {
  const committed = await db().$transaction(async (tx) => {
    // Only a row still `creating` is changed: a concurrent run may have committed the same link already.
    const changed = await tx.paymentLink.updateMany({
      where: { id: row.id, status: "creating" },
      data: {
        adyenId: response.id,
        url: response.url,
        status: response.status,
        ...(response.expiresAt ? { expiresAt: new Date(response.expiresAt) } : {}),
        attempts: { increment: attempts },
        lastError: null,
        statusPolledAt: new Date(),
      },
    });
    const link = await tx.paymentLink.findUniqueOrThrow({ where: { id: row.id } });
    if (changed.count === 1) {
      await recordAudit(tx, actor, {
        action: "payment_link.create",
        entityType: "payment_link",
        entityId: row.id,
        after: { ...toLinkView(link), attempts: link.attempts },
      });
    }
    return link;
  });
  // A webhook for this link may have arrived before Adyen's answer reached us (a crash in between, say).
  const [updated] = await applyLinkEvents({ adyenIds: [response.id] });
  return updated ?? committed;
}

async function commitFailed(
  row: PaymentLink,
  problem: string,
  attempts: number,
  actor: Principal | "system",
): Promise<PaymentLink> {
  return db().$transaction(async (tx) => {
    const changed = await tx.paymentLink.updateMany({
      where: { id: row.id, status: "creating" },
      data: { status: "failed", lastError: problem, attempts: { increment: attempts } },
    });
    const link = await tx.paymentLink.findUniqueOrThrow({ where: { id: row.id } });
    if (changed.count === 0) return link;
    await recordAudit(tx, actor, {
      action: "payment_link.create_failed",
      entityType: "payment_link",
      entityId: row.id,
      after: { reference: link.reference, status: link.status, problem },
    });
    return link;
  });
}
