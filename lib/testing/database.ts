// Test support: a private, migrated database per test file, cloned from the template the global setup made.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
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
