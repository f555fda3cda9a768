// What a probe cycle needs from the database: every store with its known terminals and probe terminal, the stores'
// array keys, and the webhook traffic that tells silence from a quiet hour.
import { db } from "@/lib/db";

export type ProbeStore = {
  storeId: string;
  name: string;
  key: number;
  terminalIds: string[];
  probeTerminalId: string | null;
};

/** Gives every store a key (its position in the per-store result arrays); keys are never reused. */
async function ensureStoreKeys(): Promise<void> {
  await db().$executeRaw`
    INSERT INTO status_store_keys (store_id, key)
    SELECT s.id, (SELECT coalesce(max(key), 0) FROM status_store_keys) + row_number() OVER (ORDER BY s.id)
    FROM stores s WHERE NOT EXISTS (SELECT 1 FROM status_store_keys k WHERE k.store_id = s.id)
    ON CONFLICT DO NOTHING`;
}

export async function loadProbeStores(): Promise<ProbeStore[]> {
  await ensureStoreKeys();
  // Only boarded terminals connect to the cloud; a terminal whose status the sync has not read yet counts.
  const rows = await db().$queryRaw<
    { store_id: string; name: string; key: number; terminal_ids: string[] | null; probe: string | null }[]
  >`
    SELECT s.id AS store_id, s.name, k.key,
      (SELECT array_agg(t.id ORDER BY t.id) FROM terminals t
        WHERE t.store_id = s.id AND (t.assignment_status IS NULL OR t.assignment_status = 'boarded')) AS terminal_ids,
      p.terminal_id AS probe
    FROM stores s
    JOIN status_store_keys k ON k.store_id = s.id
    LEFT JOIN status_probe_terminals p ON p.store_id = s.id
    ORDER BY k.key`;
  return rows.map((r) => ({
    storeId: r.store_id,
    name: r.name,
    key: r.key,
    terminalIds: r.terminal_ids ?? [],
    probeTerminalId: r.probe,
  }));
}

export type WebhookTraffic = { lastAt: Date | null; expectedPerHour: number };

const HISTORY_DAYS = 28;
const usualCache = new Map<string, Map<string, number>>();

/** Webhooks per hour each store usually gets at this hour of the day (UTC), over up to four weeks; cached per hour. */
async function usualRates(now: Date): Promise<Map<string, number>> {
  const slot = now.toISOString().slice(0, 13);
  const cached = usualCache.get(slot);
  if (cached) return cached;
  const rows = await db().$queryRaw<{ store_id: string; per_hour: number }[]>`
    SELECT store_id,
      count(*) FILTER (WHERE extract(hour FROM event_date AT TIME ZONE 'UTC') = extract(hour FROM ${now}::timestamptz AT TIME ZONE 'UTC'))::float8
        / greatest(1, least(${HISTORY_DAYS}, ceil(extract(epoch FROM ${now}::timestamptz - min(event_date)) / 86400)))::float8 AS per_hour
    FROM payment_events
    WHERE store_id IS NOT NULL AND event_date > ${now}::timestamptz - make_interval(days => ${HISTORY_DAYS})
    GROUP BY store_id`;
  const rates = new Map(rows.map((r) => [r.store_id, Number(r.per_hour)]));
  usualCache.clear();
  usualCache.set(slot, rates);
  return rates;
}

export async function loadWebhookTraffic(now: Date): Promise<Map<string, WebhookTraffic>> {
  const rates = await usualRates(now);
  // One index lookup per store (payment_events(store_id, event_date)), whatever the number of events.
  const last = await db().$queryRaw<{ id: string; last_at: Date | null }[]>`
    SELECT s.id, (SELECT max(e.event_date) FROM payment_events e WHERE e.store_id = s.id) AS last_at FROM stores s`;
  return new Map(last.map((r) => [r.id, { lastAt: r.last_at, expectedPerHour: rates.get(r.id) ?? 0 }]));
}
