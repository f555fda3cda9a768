// One terminal sync at a time across every app instance: a PostgreSQL advisory lock held on a connection of its
// own for the whole run (a crashed run's lock goes with its connection).
import pg from "pg";
import { databaseUrl } from "@/lib/db";

const LOCK_NAME = "merchant-ops.terminals.sync";

/** Runs `fn` under the lock, or returns null at once when another sync holds it. */
export async function withSyncLock<T>(fn: () => Promise<T>): Promise<T | null> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [
      LOCK_NAME,
    ]);
    if (!rows[0]?.locked) return null;
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [LOCK_NAME]);
    }
  } finally {
    await client.end();
  }
}
