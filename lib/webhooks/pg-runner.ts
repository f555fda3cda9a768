// The webhook hot path's own small pg pool, beside the Prisma client of lib/db.ts. Profiling the route at
// 1,000 notifications/s showed Prisma's raw-query path (query compiler, argument mapping) and PostgreSQL
// re-planning the unnamed statement each time as the largest costs we control; a named prepared statement on
// a bare pool is planned once per connection. Same database (databaseUrl()), same SQL, a handful of connections.
import { createHash } from "node:crypto";
import pg from "pg";
import { databaseUrl } from "@/lib/db";
import { log, errorFields } from "@/lib/log";
import type { InsertedRow, SqlRunner } from "@/lib/webhooks/store-events";

/** The insert batcher keeps at most three statements in flight; one spare connection. */
const POOL_SIZE = 4;

// Kept on globalThis like lib/db.ts' client, and replaced when the database URL changes (tests switch databases).
const g = globalThis as unknown as { __opsWebhookPool?: { url: string; pool: pg.Pool } };

function pool(): pg.Pool {
  const url = databaseUrl();
  const current = g.__opsWebhookPool;
  if (current?.url === url) return current.pool;
  if (current) void current.pool.end().catch(() => undefined);
  const created = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    // Within the answer budget (admission.ts): a database that does not answer in time is a 503, not a hang. A
    // timed-out insert is rolled back, so the sender's retry stores it once.
    connectionTimeoutMillis: 1_500,
    statement_timeout: 1_500,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  created.on("error", (err) => log.warn("webhooks.pool_error", errorFields(err)));
  g.__opsWebhookPool = { url, pool: created };
  return created;
}

const names = new Map<string, string>();

// Named by content: a changed statement text can never meet a connection that prepared the old one.
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `webhooks_${createHash("sha256").update(sql).digest("hex").slice(0, 16)}`;
    names.set(sql, name);
  }
  return name;
}

export const pgRunner: SqlRunner = async (sql, params) =>
  (await pool().query<InsertedRow>({ name: statementName(sql), text: sql, values: params })).rows;

export async function closeWebhookPool(): Promise<void> {
  const current = g.__opsWebhookPool;
  g.__opsWebhookPool = undefined;
  await current?.pool.end();
}
