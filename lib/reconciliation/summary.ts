// Pre-aggregated figures for the summary cards and charts: by status, by store-local day and by store.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { visibleStores, whereFor } from "@/lib/reconciliation/queries";
import type { ReconFilter } from "@/lib/reconciliation/filters";

const OPEN = ["suggested", "mismatched", "expected", "missing", "unexpected", "duplicate"];

export type DayPoint = { day: string; total: number; matched: number; matchedShare: number; open: number };
export type StorePoint = { storeId: string; total: number; matched: number; matchedShare: number; open: number };
export type ReconSummary = {
  byStatus: Record<string, number>;
  openByCurrency: Record<string, number>;
  currency: string | null;
  byDay: DayPoint[];
  byStore: StorePoint[];
};

type Row = {
  day: string;
  store_id: string | null;
  status: string;
  currency: string | null;
  n: bigint;
  amount: bigint | null;
};

/** Filters the pre-aggregated recon_summary can answer (store, method); others need the rows themselves. */
const fromSummaryTable = (f: ReconFilter) =>
  !f.from &&
  !f.to &&
  f.minAmount === undefined &&
  f.maxAmount === undefined &&
  f.amountMin === undefined &&
  f.amountMax === undefined &&
  !f.q;

/** The summary's rows by day, store, status and currency: from recon_summary when it can, else from the items. */
export async function summaryRows(p: Principal, f: ReconFilter, opts: { live?: boolean } = {}): Promise<Row[]> {
  const stores = visibleStores(p, f);
  if (!opts.live && fromSummaryTable(f)) {
    const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (stores !== "all") parts.push(Prisma.sql`store_id = ANY(${stores})`);
    if (f.store) parts.push(Prisma.sql`store_id = ${f.store}`);
    if (f.method) parts.push(Prisma.sql`method = ${f.method}`);
    return db().$queryRaw<Row[]>(Prisma.sql`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, NULLIF(store_id, '') AS store_id, status::text AS status,
             NULLIF(currency, '') AS currency, sum(n)::bigint AS n, sum(amount)::bigint AS amount
      FROM recon_summary WHERE ${Prisma.join(parts, " AND ")} GROUP BY 1, 2, 3, 4`);
  }
  const base = whereFor({ ...f, status: undefined, cursor: undefined }, stores);
  return db().$queryRaw<Row[]>(Prisma.sql`
    SELECT to_char((r.occurred_at AT TIME ZONE COALESCE(s.timezone, 'UTC'))::date, 'YYYY-MM-DD') AS day, r.store_id,
           r.status::text AS status, r.currency, count(*) AS n, COALESCE(sum(r.amount_value), 0) AS amount
    FROM recon_items r LEFT JOIN stores s ON s.id = r.store_id
    WHERE ${base} GROUP BY 1, 2, 3, 4`);
}

export async function reconSummary(p: Principal, f: ReconFilter): Promise<ReconSummary> {
  const rows = await summaryRows(p, f);
  const byStatus: Record<string, number> = {};
  const openByCurrency: Record<string, number> = {};
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
    if (OPEN.includes(r.status) && r.currency)
      openByCurrency[r.currency] = (openByCurrency[r.currency] ?? 0) + Number(r.amount ?? 0n);
  }
  // Charts show one currency's open amount: the one with the most open money.
  const currency = Object.entries(openByCurrency).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const fold = <K extends string>(key: (r: Row) => K | null) => {
    const acc = new Map<K, { total: number; matched: number; open: number }>();
    for (const r of rows) {
      const k = key(r);
      if (k === null) continue;
      const a = acc.get(k) ?? { total: 0, matched: 0, open: 0 };
      a.total += Number(r.n);
      if (r.status === "matched") a.matched += Number(r.n);
      if (OPEN.includes(r.status) && r.currency === currency) a.open += Number(r.amount ?? 0n);
      acc.set(k, a);
    }
    return acc;
  };
  const share = (a: { total: number; matched: number }) =>
    a.total ? Math.round((a.matched / a.total) * 1000) / 10 : 0;
  const byDay = [...fold((r) => r.day)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, a]) => ({ day, ...a, matchedShare: share(a) }));
  const byStore = [...fold((r) => r.store_id)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([storeId, a]) => ({ storeId, ...a, matchedShare: share(a) }));
  return { byStatus, openByCurrency, currency, byDay, byStore };
}
