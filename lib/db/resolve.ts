// Where the database is: DATABASE_URL when set (never starts the embedded one), else the embedded server.
import type { Env } from "@/lib/env";
import { ensureEmbeddedDatabase } from "@/lib/db/embedded";
import { setDatabaseUrl } from "@/lib/db";
import { probeDatabase } from "@/lib/db/probe";

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
    await probeDatabase(e.DATABASE_URL, 10_000); // fail fast, with the driver's reason
    setDatabaseUrl(e.DATABASE_URL);
    return { url: e.DATABASE_URL, startedHere: false, stop: async () => undefined };
  }
  const embedded = await ensureEmbeddedDatabase(e.DATA_DIR, log);
  setDatabaseUrl(embedded.url);
  return embedded;
}
