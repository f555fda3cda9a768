// Where the database is: DATABASE_URL when set (never starts the embedded one), else the embedded server.
import pg from "pg";
import type { Env } from "@/lib/env";
import { ensureEmbeddedDatabase } from "@/lib/db/embedded";
import { setDatabaseUrl } from "@/lib/db";

export type ResolvedDatabase = {
  url: string;
  /** True when this process started the embedded server (and `stop` stops it). */
  startedHere: boolean;
  /** The embedded cluster's folder; undefined with DATABASE_URL. */
  location?: string;
  stop: () => Promise<void>;
};

export async function resolveDatabase(e: Env, log: (msg: string) => void): Promise<ResolvedDatabase> {
  if (e.DATABASE_URL) {
    await assertReachable(e.DATABASE_URL);
    setDatabaseUrl(e.DATABASE_URL);
    return { url: e.DATABASE_URL, startedHere: false, stop: async () => undefined };
  }
  const embedded = await ensureEmbeddedDatabase(e.DATA_DIR, log);
  setDatabaseUrl(embedded.url);
  return embedded;
}

/** Fails fast, with the driver's one-line reason, when the server is down or the URL is wrong. */
async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}
