// Reading reconciliation results: keyset-paginated, filtered and sorted on the server (whitelisted columns),
// never a count over everything per request.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currenciesWithExponent } from "@/lib/money";
import { assertCan, storesFor, type Action } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import type { ReconFilter } from "@/lib/reconciliation/filters";

export type EvidenceRef = { kind: string; id: string; pspReference?: string | null; role?: string; score?: number };

export type ReconRow = {
  id: string;
  merchantReference: string | null;
  storeId: string | null;
  amount: { value: number; currency: string } | null;
  status: string;
  method: string | null;
  confidence: number;
  reason: string;
  evidence: EvidenceRef[];
  occurredAt: string;
  paidValue: number | null;
};

// `parse` checks a cursor's sort value before it reaches SQL: a value PostgreSQL cannot cast would be a 500.
const SORT_SQL: Record<ReconFilter["sort"], { expr: Prisma.Sql; parse: (v: unknown) => unknown }> = {
  occurred_at: {
    expr: Prisma.sql`r.occurred_at`,
    parse: (v) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined),
  },
  amount: {
    expr: Prisma.sql`COALESCE(r.amount_value, -1)`,
    parse: (v) => (typeof v === "string" && /^-?\d{1,19}$/.test(v) ? BigInt(v) : undefined),
  },
  status: { expr: Prisma.sql`r.status::text`, parse: (v) => (typeof v === "string" ? v : undefined) },
  confidence: {
    expr: Prisma.sql`r.confidence`,
    parse: (v) => (typeof v === "number" && Number.isFinite(v) ? v : undefined),
  },
  reference: {
    expr: Prisma.sql`COALESCE(r.merchant_reference, '')`,
    parse: (v) => (typeof v === "string" ? v : undefined),
  },
};

type Raw = {
  id: bigint;
  merchant_reference: string | null;
  store_id: string | null;
  amount_value: bigint | null;
  currency: string | null;
  status: string;
  method: string | null;
  confidence: number;
  reason: string;
  evidence: unknown;
  occurred_at: Date;
  paid_value: bigint | null;
  sort_value: unknown;
};

function encodeCursor(value: unknown, id: bigint): string {
  const v = value instanceof Date ? value.toISOString() : typeof value === "bigint" ? value.toString() : value;
  return Buffer.from(JSON.stringify([v, id.toString()])).toString("base64url");
}

/** The keyset position of a cursor made for this sort, or a 400 for anything else (edited, truncated, other sort). */
function decodeCursor(cursor: string, sort: ReconFilter["sort"]): [unknown, bigint] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const [raw, id] = Array.isArray(decoded) && decoded.length === 2 ? decoded : [];
  const value = SORT_SQL[sort].parse(raw);
  if (value === undefined || typeof id !== "string" || !/^\d{1,19}$/.test(id)) {
    throw new AppError("VALIDATION", "Invalid cursor: pass back the nextCursor value unchanged, with the same sort.");
  }
  return [value, BigInt(id)];
}

/**
 * The stores the actor may read items of through `action`; a filter naming another store is refused (FORBIDDEN)
 * rather than silently answered with nothing.
 */
export function visibleStores(p: Principal, f: ReconFilter, action: Action = "reconciliation.read"): string[] | "all" {
  const stores = storesFor(p, action);
  if (f.store) assertCan(p, action, { storeId: f.store });
  return stores;
}

/** Whether an item of this store (null: a payment not tied to a store) is among the visible stores. */
export function isVisible(stores: string[] | "all", storeId: string | null): boolean {
  return stores === "all" || (storeId !== null && stores.includes(storeId));
}

/**
 * An item's amount in thousandths of its currency's major unit, to compare with a major-unit filter: EUR 12.50
 * (1250) and JPY 12.5 would be 12500. At most 2^53 × 1000, within bigint.
 */
const thousandths = () =>
  Prisma.sql`(r.amount_value * CASE WHEN r.currency = ANY(${currenciesWithExponent(0)}) THEN 1000
    WHEN r.currency = ANY(${currenciesWithExponent(3)}) THEN 1 ELSE 10 END)`;

export function whereFor(f: ReconFilter, stores: string[] | "all"): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (stores !== "all") parts.push(Prisma.sql`r.store_id = ANY(${stores})`);
  // Compare as the enum, not as text, so the (status, occurred_at) index applies.
  if (f.status?.length) parts.push(Prisma.sql`r.status = ANY(${f.status}::"ReconStatus"[])`);
  if (f.store) parts.push(Prisma.sql`r.store_id = ${f.store}`);
  if (f.method) parts.push(Prisma.sql`r.method = ${f.method}::"MatchMethod"`);
  if (f.from) parts.push(Prisma.sql`r.occurred_at >= ${f.from}`);
  if (f.to) parts.push(Prisma.sql`r.occurred_at < ${f.to}`);
  if (f.amountMin !== undefined) parts.push(Prisma.sql`${thousandths()} >= ${BigInt(f.amountMin)}`);
  if (f.amountMax !== undefined) parts.push(Prisma.sql`${thousandths()} <= ${BigInt(f.amountMax)}`);
  if (f.minAmount !== undefined) parts.push(Prisma.sql`r.amount_value >= ${BigInt(f.minAmount)}`);
  if (f.maxAmount !== undefined) parts.push(Prisma.sql`r.amount_value <= ${BigInt(f.maxAmount)}`);
  if (f.q) {
    // A reference prefix (index in byte order), or an exact PSP reference of one of the item's payments. A union of
    // three indexed lookups: written as one OR, PostgreSQL would scan the whole table.
    const next = f.q.slice(0, -1) + String.fromCodePoint((f.q.codePointAt(f.q.length - 1) ?? 0) + 1);
    const psp = f.q.toUpperCase();
    parts.push(Prisma.sql`r.id IN (
      SELECT x.id FROM recon_items x WHERE (x.merchant_reference COLLATE "C") >= ${f.q} AND (x.merchant_reference COLLATE "C") < ${next}
      UNION SELECT x.id FROM payment_events e JOIN recon_items x ON (x.merchant_reference COLLATE "C") = (e.merchant_reference COLLATE "C") WHERE e.psp_reference = ${psp}
      UNION SELECT x.id FROM payment_events e JOIN recon_items x ON x.id = e.id * 3 + 1 WHERE e.psp_reference = ${psp})`);
  }
  return Prisma.join(parts, " AND ");
}

export function toRow(r: Raw): ReconRow {
  return {
    id: r.id.toString(),
    merchantReference: r.merchant_reference,
    storeId: r.store_id,
    amount: r.amount_value !== null && r.currency ? { value: Number(r.amount_value), currency: r.currency } : null,
    status: r.status,
    method: r.method,
    confidence: r.confidence,
    reason: r.reason,
    evidence: Array.isArray(r.evidence) ? (r.evidence as EvidenceRef[]) : [],
    occurredAt: r.occurred_at.toISOString(),
    paidValue: r.paid_value === null ? null : Number(r.paid_value),
  };
}

export async function listReconItems(
  p: Principal,
  f: ReconFilter,
): Promise<{ items: ReconRow[]; nextCursor: string | null }> {
  const stores = visibleStores(p, f);
  const sort = SORT_SQL[f.sort];
  const desc = f.dir === "desc";
  let keyset = Prisma.sql`TRUE`;
  if (f.cursor) {
    const [v, id] = decodeCursor(f.cursor, f.sort);
    keyset = desc ? Prisma.sql`(${sort.expr}, r.id) < (${v}, ${id})` : Prisma.sql`(${sort.expr}, r.id) > (${v}, ${id})`;
  }
  const order = desc ? Prisma.sql`${sort.expr} DESC, r.id DESC` : Prisma.sql`${sort.expr} ASC, r.id ASC`;
  const rows = await db().$queryRaw<Raw[]>`
    SELECT r.id, r.merchant_reference, r.store_id, r.amount_value, r.currency, r.status::text AS status, r.method::text AS method,
           r.confidence, r.reason, r.evidence, r.occurred_at, r.paid_value, ${sort.expr} AS sort_value
    FROM recon_items r WHERE ${whereFor(f, stores)} AND ${keyset} ORDER BY ${order} LIMIT ${f.limit + 1}`;
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map(toRow),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.sort_value, last.id) : null,
  };
}
