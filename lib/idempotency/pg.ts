// The checker's own small pg pool for its bulk writes (findings, chains, key spill), beside the Prisma client:
// an analysis of a million requests sends thousands of batches (COPY, multi-row statements), and a bare pool
// measured both faster and far lighter on memory than Prisma's raw-query path for them. Same database (databaseUrl()).
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { databaseUrl } from "@/lib/db";
import { errorFields, log } from "@/lib/log";

const POOL_SIZE = 4;

// On globalThis like lib/db.ts' client, and replaced when the database URL changes (tests switch databases).
const g = globalThis as unknown as { __idemPool?: { url: string; pool: pg.Pool } };

function pool(): pg.Pool {
  const url = databaseUrl();
  const current = g.__idemPool;
  if (current?.url === url) return current.pool;
  if (current) void current.pool.end().catch(() => undefined);
  const created = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Each batch commits on its own; waiting for its WAL flush made the database the bottleneck. Nothing is lost
    // that matters: an analysis only counts once its final transaction (through Prisma, flushed) marks it done.
    // Set at connection start-up, not by a query on "connect", which raced the pool's first query on that client.
    options: "-c synchronous_commit=off",
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  created.on("error", (err) => log.warn("idempotency.pool_error", errorFields(err)));
  g.__idemPool = { url, pool: created };
  return created;
}

export async function idemQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  params: unknown[],
): Promise<R[]> {
  return (await pool().query<R>(sql, params)).rows;
}

/** Sends rows already in COPY text format (copy-text.ts) with `COPY … FROM STDIN` on a connection of the pool. */
export async function idemCopy(sql: string, rows: string): Promise<void> {
  const client = await pool().connect();
  let failed: unknown;
  try {
    const stream = client.query(copyFrom(sql));
    stream.end(rows);
    await finished(stream);
  } catch (err) {
    failed = err;
    throw err;
  } finally {
    // A connection whose COPY failed half-way is not given back to the pool.
    client.release(failed instanceof Error ? failed : undefined);
  }
}

export async function closeIdempotencyPool(): Promise<void> {
  const current = g.__idemPool;
  g.__idemPool = undefined;
  await current?.pool.end();
}
