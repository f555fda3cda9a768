// Whether a PostgreSQL server answers at a URL: one connection and a trivial query, with a bounded wait.
import pg from "pg";

/** Resolves when the server answered; rejects with the driver's reason (refused, wrong password, starting up…). */
export async function probeDatabase(url: string, timeoutMs = 1500): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined); // a connection dropped after the query: nothing left to do with it
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function databaseAnswers(url: string, timeoutMs?: number): Promise<boolean> {
  return probeDatabase(url, timeoutMs).then(
    () => true,
    () => false,
  );
}
