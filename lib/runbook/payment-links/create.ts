// Creating a payment link, idempotent end to end. The link is stored as `creating` with a fresh Idempotency-Key
// (UUID v4) and the exact Adyen request *before* Adyen is called; every attempt (this request's retries, a caller
// resending with its own Idempotency-Key, the resume job after a crash) sends that request with that key.
import { createHash } from "node:crypto";
import { Prisma, type PaymentLink } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { newIdempotencyKey } from "@/lib/adyen/retry";
import { MAX_IDEMPOTENCY_KEY_LENGTH } from "@/lib/adyen/http-client";
import { attemptCreation, type CreationOutcome } from "@/lib/runbook/payment-links/attempt";
import { defaultLinkDeps, type LinkDeps } from "@/lib/runbook/payment-links/deps";
import {
  paymentLinkInputSchema,
  resolveExpiry,
  type PaymentLinkRequestData,
} from "@/lib/runbook/payment-links/schemas";
import type { StoredLinkRequest } from "@/lib/runbook/payment-links/stored-request";
import { aboveMaximum } from "@/lib/validation/amount-limits";

export type CreateOptions = {
  /**
   * The caller's own Idempotency-Key (a POS): the same key with the same body is the same link. Required from an
   * API token: a POS resends when it saw no answer, and without a key the resend would be a second link.
   */
  clientKey?: string | null;
};

function requireClientKey(actor: Principal, key: string | null | undefined): void {
  if (actor.kind !== "token" || (key !== undefined && key !== null)) return;
  throw new AppError(
    "VALIDATION",
    "Send an Idempotency-Key header with an API token (a new UUID per link, the same one when you resend): without it a resend would create a second link.",
    { problems: [{ path: "Idempotency-Key", message: "is required with an API token" }] },
  );
}

/** The caller's key, scoped to the caller: two POS systems may pick the same key for different links. */
function scopedClientKey(actor: Principal, key: string): string {
  const trimmed = key.trim();
  if (trimmed === "" || trimmed.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError("VALIDATION", `Idempotency-Key must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, {
      problems: [{ path: "Idempotency-Key", message: `must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters` }],
    });
  }
  return `${actor.kind}:${actor.id}:${trimmed}`;
}

/** The request as the caller meant it (defaults not yet applied), so a resend hashes the same. */
function requestHash(input: PaymentLinkRequestData): string {
  const canonical = [
    input.storeId,
    input.reference,
    input.amount.value,
    input.amount.currency,
    input.description ?? null,
    input.expiresAt?.toISOString() ?? null,
    input.shopperLocale ?? null,
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

function keyReusedError(key: string): AppError {
  return new AppError(
    "UNPROCESSABLE",
    `Idempotency-Key "${key}" was already used for a different payment link request; use a new key for a new link.`,
    { problems: [{ path: "Idempotency-Key", message: "already used with a different request body" }] },
  );
}

async function existingFor(scopedKey: string, hash: string, key: string): Promise<PaymentLink | null> {
  const row = await db().paymentLink.findUnique({ where: { clientKey: scopedKey } });
  if (row && row.requestHash !== hash) throw keyReusedError(key);
  return row;
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

export async function createPaymentLink(
  actor: Principal,
  input: unknown,
  opts: CreateOptions = {},
  deps: LinkDeps = defaultLinkDeps(),
): Promise<CreationOutcome & { replayed: boolean }> {
  assertCan(actor, "links.create");
  requireClientKey(actor, opts.clientKey);
  const data = paymentLinkInputSchema.parse(input);
  assertCan(actor, "links.create", { storeId: data.storeId });
  const tooMuch = aboveMaximum(data.amount, "amount.value");
  if (tooMuch)
    throw new AppError("VALIDATION", `Invalid request: amount.value: ${tooMuch.message}`, { problems: [tooMuch] });
  const store = await db().store.findUnique({
    where: { id: data.storeId },
    select: { id: true, merchantAccount: true },
  });
  if (!store) {
    throw new AppError("VALIDATION", `Invalid request: storeId: unknown store ${data.storeId}`, {
      problems: [{ path: "storeId", message: `unknown store ${data.storeId}` }],
    });
  }
  const merchantAccount = store.merchantAccount ?? deps.merchantAccount;
  if (!merchantAccount) throw new AppError("UNAVAILABLE", "No Adyen merchant account is configured for this store.");
  const expiresAt = resolveExpiry(data.expiresAt, deps.now());
  const hash = requestHash(data);
  const scopedKey = opts.clientKey != null ? scopedClientKey(actor, opts.clientKey) : null;

  if (scopedKey && opts.clientKey) {
    const existing = await existingFor(scopedKey, hash, opts.clientKey);
    if (existing) return { ...(await attemptCreation(existing, deps, actor)), replayed: true };
  }

  const request: StoredLinkRequest = {
    amount: data.amount,
    merchantAccount,
    reference: data.reference,
    ...(data.description ? { description: data.description } : {}),
    expiresAt: expiresAt.toISOString(),
    ...(data.shopperLocale ? { shopperLocale: data.shopperLocale } : {}),
    store: store.id,
  };
  let row: PaymentLink;
  try {
    row = await db().paymentLink.create({
      data: {
        idempotencyKey: newIdempotencyKey(),
        reference: data.reference,
        storeId: store.id,
        amountValue: BigInt(data.amount.value),
        currency: data.amount.currency,
        description: data.description ?? null,
        shopperLocale: data.shopperLocale ?? null,
        status: "creating",
        expiresAt,
        createdBy: actor.label,
        request,
        clientKey: scopedKey,
        requestHash: hash,
      },
    });
  } catch (err) {
    // The same key sent twice at once: the other request stored it first; continue with its row.
    if (!scopedKey || !opts.clientKey || !isUniqueViolation(err)) throw err;
    const existing = await existingFor(scopedKey, hash, opts.clientKey);
    if (!existing) throw err;
    return { ...(await attemptCreation(existing, deps, actor)), replayed: true };
  }
  return { ...(await attemptCreation(row, deps, actor)), replayed: false };
}
