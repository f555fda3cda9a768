// Stores notification rows in one statement (one implicit transaction): new events are inserted, redeliveries
// only count up `deliveries`. Concurrent requests share statements (see insert-batcher.ts).
import { AppError, isDatabaseUnreachable } from "@/lib/errors";
import { QUEUE_BUDGET_MS } from "@/lib/webhooks/admission";
import { InsertBatcher } from "@/lib/webhooks/insert-batcher";
import type { PaymentEventRow } from "@/lib/webhooks/notification-schema";

export type InsertedRow = { id: bigint | string | number; dedupe_key: string; inserted: boolean };

/** Runs one parameterised statement and returns its rows (pg-runner.ts in the app; injectable for tests). */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<InsertedRow[]>;

// unnest() over one array per column keeps the statement text identical for any batch size (one plan, no
// parameter limit). The store is resolved here, in the same statement: Adyen may name a store by its id or
// by its reference, and a payment link created here knows its store.
export const INSERT_EVENTS_SQL = `
INSERT INTO payment_events (dedupe_key, live, event_code, success, psp_reference, original_reference, merchant_account_code,
  merchant_reference, amount_value, currency, event_date, payment_method, reason, payment_link_id, terminal_id,
  tender_reference, store_id, additional_data, raw, deliveries)
SELECT u.dedupe_key, u.live, u.event_code, u.success, u.psp_reference, u.original_reference, u.merchant_account_code,
  u.merchant_reference, u.amount_value, u.currency, u.event_date, u.payment_method, u.reason, u.payment_link_id, u.terminal_id,
  u.tender_reference,
  CASE
    WHEN u.store_hint IS NOT NULL THEN COALESCE(
      (SELECT s.id FROM stores s WHERE s.id = u.store_hint OR s.reference = u.store_hint ORDER BY s.id = u.store_hint DESC LIMIT 1),
      u.store_hint)
    WHEN u.payment_link_id IS NOT NULL THEN (SELECT l.store_id FROM payment_links l WHERE l.adyen_id = u.payment_link_id)
  END,
  u.additional_data, u.raw, u.deliveries
FROM unnest($1::text[], $2::bool[], $3::text[], $4::bool[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[],
  $10::text[], $11::timestamptz[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
  $18::jsonb[], $19::jsonb[], $20::int[])
  AS u(dedupe_key, live, event_code, success, psp_reference, original_reference, merchant_account_code, merchant_reference,
    amount_value, currency, event_date, payment_method, reason, payment_link_id, terminal_id, tender_reference, store_hint,
    additional_data, raw, deliveries)
ON CONFLICT (dedupe_key) DO UPDATE SET deliveries = payment_events.deliveries + EXCLUDED.deliveries
RETURNING id, dedupe_key, (xmax = 0) AS inserted`;

type Distinct = { row: PaymentEventRow; deliveries: number };

/**
 * One entry per dedupe key (ON CONFLICT may not touch a row twice in one statement), sorted by key so that
 * concurrent batches lock keys in the same order and cannot deadlock each other.
 */
function distinctSorted(rows: readonly PaymentEventRow[]): Distinct[] {
  const byKey = new Map<string, Distinct>();
  for (const row of rows) {
    const seen = byKey.get(row.dedupeKey);
    if (seen) seen.deliveries++;
    else byKey.set(row.dedupeKey, { row, deliveries: 1 });
  }
  return [...byKey.values()].sort((a, b) =>
    a.row.dedupeKey < b.row.dedupeKey ? -1 : a.row.dedupeKey > b.row.dedupeKey ? 1 : 0,
  );
}

function insertParams(distinct: readonly Distinct[]): unknown[] {
  const col = <T>(pick: (r: PaymentEventRow) => T) => distinct.map((d) => pick(d.row));
  return [
    col((r) => r.dedupeKey),
    col((r) => r.live),
    col((r) => r.eventCode),
    col((r) => r.success),
    col((r) => r.pspReference),
    col((r) => r.originalReference),
    col((r) => r.merchantAccountCode),
    col((r) => r.merchantReference),
    // Text, not bigint: the drivers' array encoders disagree on BigInt; PostgreSQL casts exactly.
    col((r) => (r.amountValue === null ? null : String(r.amountValue))),
    col((r) => r.currency),
    col((r) => (r.eventDate ? r.eventDate.toISOString() : null)),
    col((r) => r.paymentMethod),
    col((r) => r.reason),
    col((r) => r.paymentLinkId),
    col((r) => r.terminalId),
    col((r) => r.tenderReference),
    col((r) => r.storeHint),
    col((r) => JSON.stringify(r.additionalData)),
    col((r) => JSON.stringify(r.raw)),
    distinct.map((d) => d.deliveries),
  ];
}

export type StoreResult = { stored: number; duplicates: number; newEventIds: string[] };

// A pool that cannot hand out a connection in time is as good as unreachable for the caller: answer 503.
function isUnavailable(err: unknown): boolean {
  return (
    isDatabaseUnreachable(err) ||
    (err instanceof Error &&
      /timeout exceeded when trying to connect|Connection terminated|statement timeout|terminating connection/i.test(
        err.message,
      ))
  );
}

/**
 * One statement for the rows of several requests. A new event is "stored" for the first request that carried
 * it; every other occurrence (earlier deliveries, the same event in another request) is a duplicate.
 */
async function writeRequests(
  requests: readonly (readonly PaymentEventRow[])[],
  run: SqlRunner,
): Promise<StoreResult[]> {
  let returned: InsertedRow[];
  try {
    returned = await run(INSERT_EVENTS_SQL, insertParams(distinctSorted(requests.flat())));
  } catch (err) {
    if (isUnavailable(err))
      throw new AppError("UNAVAILABLE", "The database is unreachable; the notification was not stored. Retry later.");
    throw err;
  }
  const newIds = new Map(returned.filter((r) => r.inserted).map((r) => [r.dedupe_key, String(r.id)]));
  return requests.map((rows) => {
    const newEventIds: string[] = [];
    for (const row of rows) {
      const id = newIds.get(row.dedupeKey);
      if (id === undefined) continue;
      newEventIds.push(id);
      newIds.delete(row.dedupeKey);
    }
    return { stored: newEventIds.length, duplicates: rows.length - newEventIds.length, newEventIds };
  });
}

const batchers = new WeakMap<SqlRunner, InsertBatcher<PaymentEventRow, StoreResult>>();

/** Inserts new events and counts redeliveries; resolves once this request's rows are committed. */
export function storeEvents(rows: readonly PaymentEventRow[], run: SqlRunner): Promise<StoreResult> {
  let batcher = batchers.get(run);
  if (!batcher) {
    batcher = new InsertBatcher(
      (requests) => writeRequests(requests, run),
      (err) => !(err instanceof AppError && err.code === "UNAVAILABLE"),
      QUEUE_BUDGET_MS,
      () =>
        new AppError("UNAVAILABLE", "The notification could not be stored in time; nothing was stored. Retry later."),
    );
    batchers.set(run, batcher);
  }
  return batcher.submit(rows);
}
