// Where the database is: DATABASE_URL when set (never starts the embedded one), else the embedded server.
import type { Env } from "@/lib/env";
import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { setDatabaseUrl } from "@/lib/db";

export async function resolveDatabase(
  e: Env,
  log: (msg: string) => void,
): Promise<EmbeddedDatabase & { embedded: boolean }> {
  if (e.DATABASE_URL) {
    setDatabaseUrl(e.DATABASE_URL);
    return { url: e.DATABASE_URL, startedHere: false, embedded: false, stop: async () => undefined };
  }
  const embedded = await ensureEmbeddedDatabase(e.DATA_DIR, log);
  setDatabaseUrl(embedded.url);
  return { ...embedded, embedded: true };
}
