// Generated data for the reconciliation benchmark, made inside PostgreSQL with generate_series (fast, no JS loops):
// orders across four stores; webhooks for most of them (with amount mismatches, double payments and unknown
// references mixed in); standalone receipts for orders paid on terminals without the POS, including ties.
import type pg from "pg";

export type DataSize = { orders: number; events: number; receipts: number };

export async function generateReconcileData(client: pg.Client, size: DataSize): Promise<void> {
  const standalone = size.receipts;
  const integrated = size.orders - standalone;
  await client.query(`INSERT INTO stores (id, name, timezone, updated_at) VALUES
    ('STBENCH1', 'Bench 1', 'Europe/Berlin', now()), ('STBENCH2', 'Bench 2', 'Europe/Berlin', now()),
    ('STBENCH3', 'Bench 3', 'Europe/Amsterdam', now()), ('STBENCH4', 'Bench 4', 'Europe/Berlin', now())`);
  // Orders: one every ~2.6 s over 30 days, amounts 1.00–200.00 EUR. Imported by finance: the webhooks below name no
  // store, and only finance's orders may claim payments of unknown store.
  await client.query(
    `INSERT INTO pos_orders (merchant_reference, store_id, amount_value, currency, ordered_at, terminal_id, source, claims_unknown_store, updated_at)
     SELECT 'ORD-' || g, 'STBENCH' || (1 + g % 4), 100 + (g::bigint * 7919) % 19900, 'EUR',
            timestamptz '2026-10-01 08:00:00+00' + g * interval '2.6 seconds', 'V400m-' || (g % 40), 'api', true, now()
     FROM generate_series(1, $1::int) g`,
    [size.orders],
  );
  // Webhooks for the integrated orders: 1% with a different amount, 1% paid twice, the rest exact; plus unknown refs.
  const dup = Math.floor(integrated / 100);
  const unknown = Math.max(0, size.events - integrated - dup);
  await client.query(
    `INSERT INTO payment_events (dedupe_key, live, event_code, success, psp_reference, merchant_account_code, merchant_reference,
       amount_value, currency, event_date, additional_data, raw)
     SELECT 'BenchMerchant|PSP' || lpad(g::text, 13, '0') || '|AUTHORISATION|true|', false, 'AUTHORISATION', true, 'PSP' || lpad(g::text, 13, '0'),
            'BenchMerchant', 'ORD-' || g, (100 + (g::bigint * 7919) % 19900) + CASE WHEN g % 100 = 7 THEN 1 ELSE 0 END, 'EUR',
            timestamptz '2026-10-01 08:00:05+00' + g * interval '2.6 seconds', '{}', '{}'
     FROM generate_series(1, $1::int) g`,
    [integrated],
  );
  await client.query(
    `INSERT INTO payment_events (dedupe_key, live, event_code, success, psp_reference, merchant_account_code, merchant_reference,
       amount_value, currency, event_date, additional_data, raw)
     SELECT 'BenchMerchant|DUP' || lpad(g::text, 13, '0') || '|AUTHORISATION|true|', false, 'AUTHORISATION', true, 'DUP' || lpad(g::text, 13, '0'),
            'BenchMerchant', 'ORD-' || (g * 97 % $2::int + 1), 100, 'EUR', timestamptz '2026-10-02 08:00:00+00', '{}', '{}'
     FROM generate_series(1, $1::int) g`,
    [dup, integrated],
  );
  await client.query(
    `INSERT INTO payment_events (dedupe_key, live, event_code, success, psp_reference, merchant_account_code, merchant_reference,
       amount_value, currency, event_date, additional_data, raw)
     SELECT 'BenchMerchant|UNK' || lpad(g::text, 13, '0') || '|AUTHORISATION|true|', false, 'AUTHORISATION', true, 'UNK' || lpad(g::text, 13, '0'),
            'BenchMerchant', 'WEB-' || g, 2500, 'EUR', timestamptz '2026-10-03 08:00:00+00' + g * interval '1 minute', '{}', '{}'
     FROM generate_series(1, $1::int) g`,
    [unknown],
  );
  // Standalone receipts for the last orders (no webhooks for those): 30 s after the order on the same terminal.
  await client.query(
    `INSERT INTO standalone_receipts (dedupe_key, store_id, terminal_id, amount_value, currency, transacted_at, source, claims_unknown_store)
     SELECT 'bench-' || g, 'STBENCH' || (1 + g % 4), 'V400m-' || (g % 40), 100 + (g::bigint * 7919) % 19900, 'EUR',
            timestamptz '2026-10-01 08:00:30+00' + g * interval '2.6 seconds', 'api', true
     FROM generate_series($1::int + 1, $2::int) g`,
    [integrated, size.orders],
  );
  await client.query(`ANALYZE`);
}
