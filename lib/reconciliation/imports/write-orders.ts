// Writes POS orders: one multi-row upsert per batch (unnest over column arrays), never a statement per order.
import { can, storesFor, type Actor } from "@/lib/auth/permissions";
import type { PosOrder } from "@/lib/validation/pos-order";
import type { Tx, WriteCounts } from "@/lib/reconciliation/imports/types";

// updated_at is set here because Prisma's @updatedAt lives in the client, not in the table; incremental
// matching reads it. A resend that changes nothing is not an update (the WHERE clause), so it does not make
// matching look at the order again. Optional fields a resend leaves out keep their known value: a POS that
// learned the PSP reference from the terminal may resend the order without it, and the exact match must stay.
// Merchant references are unique per store (each store numbers its own orders), so the conflict target is the pair
// and one store can never overwrite, or take first, another store's reference. $10 (the actor's stores, NULL for
// everyone) is a second guard: a store manager's rows were already limited to their stores before writing. $11 says
// whether the writer may claim payments of unknown store (finance, admins); an order a store manager changes loses
// that claim, and finance resending an order unchanged takes it over.
const UPSERT_SQL = `
WITH up AS (
  INSERT INTO pos_orders AS o (merchant_reference, store_id, amount_value, currency, ordered_at, terminal_id, psp_reference, description, source, claims_unknown_store, updated_at)
  SELECT t.merchant_reference, t.store_id, t.amount_value, t.currency, t.ordered_at, t.terminal_id, t.psp_reference, t.description, $9, $11, now()
  FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])
    AS t(merchant_reference, store_id, amount_value, currency, ordered_at, terminal_id, psp_reference, description)
  ON CONFLICT (store_id, merchant_reference) DO UPDATE SET
    amount_value = EXCLUDED.amount_value,
    currency = EXCLUDED.currency,
    ordered_at = EXCLUDED.ordered_at,
    terminal_id = COALESCE(EXCLUDED.terminal_id, o.terminal_id),
    psp_reference = COALESCE(EXCLUDED.psp_reference, o.psp_reference),
    description = COALESCE(EXCLUDED.description, o.description),
    source = EXCLUDED.source,
    claims_unknown_store = EXCLUDED.claims_unknown_store,
    updated_at = now()
  WHERE ((o.amount_value, o.currency, o.ordered_at, o.terminal_id, o.psp_reference, o.description)
         IS DISTINCT FROM (EXCLUDED.amount_value, EXCLUDED.currency, EXCLUDED.ordered_at,
                           COALESCE(EXCLUDED.terminal_id, o.terminal_id), COALESCE(EXCLUDED.psp_reference, o.psp_reference),
                           COALESCE(EXCLUDED.description, o.description))
         OR (EXCLUDED.claims_unknown_store AND NOT o.claims_unknown_store))
    AND ($10::text[] IS NULL OR o.store_id = ANY($10::text[]))
  RETURNING (xmax = 0) AS created
)
SELECT count(*) FILTER (WHERE created)::int AS inserted, count(*) FILTER (WHERE NOT created)::int AS updated FROM up`;

/** Orders in one batch must have distinct (store, merchant reference) pairs (PostgreSQL upserts a row once per statement). */
export async function upsertOrders(
  tx: Tx,
  orders: readonly PosOrder[],
  source: "api" | "csv",
  actor: Actor,
): Promise<WriteCounts> {
  const stores = storesFor(actor, "orders.write");
  const scope = stores === "all" ? null : stores;
  const [counts] = await tx.$queryRawUnsafe<{ inserted: number; updated: number }[]>(
    UPSERT_SQL,
    orders.map((o) => o.merchantReference),
    orders.map((o) => o.storeId),
    orders.map((o) => String(o.amount.value)),
    orders.map((o) => o.amount.currency),
    orders.map((o) => o.createdAt.toISOString()),
    orders.map((o) => o.terminalId ?? null),
    orders.map((o) => o.pspReference ?? null),
    orders.map((o) => o.description ?? null),
    source,
    scope,
    can(actor, "payments.claim_unknown_store"),
  );
  const inserted = counts?.inserted ?? 0;
  const updated = counts?.updated ?? 0;
  return { inserted, updated, duplicates: orders.length - inserted - updated };
}
