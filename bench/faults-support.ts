// Helpers of the faults benchmark: a PostgreSQL that can be stopped and started on the same port, a Next server
// with jobs in-process, and signed notifications that can be sent again (as Adyen retries).
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startAppServer, waitForHealthy, type Child } from "../cli/processes.ts";
import { ensureEmbeddedDatabase, freePort, PRIVATE_ROOT } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { reachableBinaries } from "../lib/db/postgres-install.ts";
import { startCluster, type Cluster } from "../lib/db/postgres-server.ts";
import { serverUser } from "../lib/db/server-user.ts";
import { childEnv } from "../lib/env.ts";

export type Restartable = { url: string; stop: () => Promise<void>; start: () => Promise<void> };

/** The embedded PostgreSQL of `dir`, which `stop` and `start` restart on the same port (the app keeps its URL). */
export async function restartablePostgres(dir: string): Promise<Restartable> {
  const first = await ensureEmbeddedDatabase(dir, () => undefined, { throwaway: true });
  await migrate(first.url);
  const user = await serverUser();
  const cluster: Cluster = {
    bin: await reachableBinaries(user, PRIVATE_ROOT),
    dir: first.location,
    user,
    logFile: path.join(dir, "postgres.log"),
  };
  const port = Number(new URL(first.url).port);
  const flags = ["listen_addresses=127.0.0.1", "unix_socket_directories=", "max_connections=200"].flatMap((f) => [
    "-c",
    f,
  ]);
  let stopCurrent = first.stop;
  return {
    url: first.url,
    stop: () => stopCurrent(),
    start: async () => {
      const server = await startCluster(cluster, port, flags, first.url.replace(/\/[^/]+$/, "/postgres"));
      stopCurrent = server.stop;
    },
  };
}

export const SECRETS = {
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  ADYEN_HMAC_KEYS: randomBytes(32).toString("hex"),
  ADYEN_WEBHOOK_USERNAME: "adyen-faults",
  ADYEN_WEBHOOK_PASSWORD: randomBytes(18).toString("base64url"),
};
export const AUTHORIZATION = `Basic ${Buffer.from(`${SECRETS.ADYEN_WEBHOOK_USERNAME}:${SECRETS.ADYEN_WEBHOOK_PASSWORD}`).toString("base64")}`;

export async function startApp(databaseUrl: string): Promise<Child & { url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...SECRETS,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: url,
    PORT: String(port),
    LOG_LEVEL: "error",
    NODE_ENV: "production",
  };
  const child = startAppServer(port, childEnv(env), "127.0.0.1");
  await waitForHealthy(url, 90_000);
  return { ...child, url };
}

export async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Posts one body; the status code, 0 when no answer came. */
export async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  try {
    const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

export const ok = (b: boolean) => (b ? "PASS" : "FAIL");
