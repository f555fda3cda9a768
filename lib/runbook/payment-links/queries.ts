// Reading payment links: one link, and the keyset-paginated list (newest first) for the page and GET /api/v1.
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertCan, storesFor } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { LINK_STATUSES } from "@/lib/runbook/payment-links/schemas";
import { toLinkView, type PaymentLinkView } from "@/lib/runbook/payment-links/view";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const linkListSchema = z.object({
  storeId: z.preprocess(blank, z.string().trim().max(64).optional()),
  status: z.preprocess(
    (v) => (typeof v === "string" ? (v === "" ? undefined : v.split(",")) : v),
    z.array(z.enum(LINK_STATUSES, { message: `status must be one of ${LINK_STATUSES.join(", ")}` })).optional(),
  ),
  q: z.preprocess(blank, z.string().trim().max(80).optional()),
  cursor: z.preprocess(blank, z.string().max(200).optional()),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
});
export type LinkListFilter = z.output<typeof linkListSchema>;

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || typeof id !== "string") throw new Error("bad cursor");
    return { createdAt, id };
  } catch {
    throw new AppError("VALIDATION", "Invalid cursor: pass back the nextCursor value unchanged.", {
      problems: [{ path: "cursor", message: "pass back the nextCursor value unchanged" }],
    });
  }
}

export async function listPaymentLinks(
  actor: Principal,
  input: unknown,
): Promise<{ items: PaymentLinkView[]; nextCursor: string | null }> {
  const f = linkListSchema.parse(input);
  const stores = storesFor(actor, "links.read");
  if (f.storeId) assertCan(actor, "links.read", { storeId: f.storeId });
  const after = f.cursor ? decodeCursor(f.cursor) : null;
  const rows = await db().paymentLink.findMany({
    where: {
      AND: [
        stores === "all" ? {} : { storeId: { in: stores } },
        f.storeId ? { storeId: f.storeId } : {},
        f.status ? { status: { in: f.status } } : {},
        f.q ? { reference: { startsWith: f.q } } : {},
        after
          ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
          : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return { items: page.map(toLinkView), nextCursor: rows.length > f.limit && last ? encodeCursor(last) : null };
}

export async function getPaymentLinkView(actor: Principal, id: string): Promise<PaymentLinkView> {
  assertCan(actor, "links.read");
  const row = z.uuid().safeParse(id).success ? await db().paymentLink.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError("NOT_FOUND", `No payment link ${id}.`);
  assertCan(actor, "links.read", { storeId: row.storeId });
  return toLinkView(row);
}

export type PayByLinkState = "works" | "untested" | "failing" | "unconfigured";

/**
 * Whether Pay by Link works for this store, as far as this app has seen: a link Adyen created for it in the last 30
 * days → works; its last three settled creations all refused → failing; no merchant account → unconfigured. Per
 * store, because Adyen can refuse one store (not set up for Pay by Link there) and accept the others.
 */
export async function payByLinkState(storeId: string): Promise<PayByLinkState> {
  const store = await db().store.findUnique({ where: { id: storeId }, select: { merchantAccount: true } });
  if (!store?.merchantAccount && !env().ADYEN_MERCHANT_ACCOUNT) return "unconfigured";
  const recent = await db().paymentLink.findMany({
    where: { storeId, status: { not: "creating" }, createdAt: { gt: new Date(Date.now() - 30 * 24 * 3600 * 1000) } },
    orderBy: { createdAt: "desc" },
    take: 3,
    select: { status: true },
  });
  if (recent.length === 3 && recent.every((r) => r.status === "failed")) return "failing";
  return recent.some((r) => r.status !== "failed") ? "works" : "untested";
}
