// Test support: a private, migrated database per test file, cloned from the template the global setup made.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb, setDatabaseUrl } from "@/lib/db";

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject("pgServerUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]+$/, `/${name}`);
  setDatabaseUrl(url);
  return {
    url,
    drop: async () => {
      await disconnectDb();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Gives the calling test file its own database for all its tests: created before the first, dropped after the
 * last (after `beforeDrop`, e.g. closing extra pools). Returns a getter, as the database exists only once started.
 */
export function withTestDatabase(opts: { beforeDrop?: () => Promise<void> } = {}): () => { url: string } {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await opts.beforeDrop?.();
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("the test database is created in beforeAll; use it inside tests");
    return database;
  };
}
