// Embedded PostgreSQL for the default set-up: no DATABASE_URL means the app runs its own server for DATA_DIR.
// Its port, password and location are kept in DATA_DIR/postgres.json so that `ops` commands and a second start
// reach the same server while it runs, and find the same data after a restart.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { EmbeddedDatabaseError } from "@/lib/db/embedded-error";
import { databaseAnswers } from "@/lib/db/probe";
import { reachableBinaries } from "@/lib/db/postgres-install";
import { PortInUseError } from "@/lib/db/postgres-log";
import { initCluster, runningPort, startCluster, type Cluster } from "@/lib/db/postgres-server";
import { serverUser, userCan, type ServerUser } from "@/lib/db/server-user";

/** Where clusters live when the server's user cannot reach DATA_DIR (a checkout under /root, run as root). */
export const PRIVATE_ROOT = "/var/lib/merchant-ops";

const connectionFile = z.object({
  port: z.number().int(),
  password: z.string().min(16),
  database: z.string(),
  /** Absent: DATA_DIR/postgres. */
  location: z.string().optional(),
});
type Connection = z.infer<typeof connectionFile>;

export type EmbeddedDatabase = { url: string; startedHere: boolean; location: string; stop: () => Promise<void> };
export type EmbeddedOptions = {
  privateRoot?: string;
  /** For clusters deleted after use (tests, scripts): no fsync, so a crash may lose them; much faster. */
  throwaway?: boolean;
};

// TCP on loopback only; no unix socket in a shared directory. Larger buffers and WAL than the defaults:
// reconciliation rewrites a million rows at a time, and checkpoints every few seconds would dominate.
const SERVER_FLAGS = ["listen_addresses=127.0.0.1", "unix_socket_directories=", "max_connections=200"]
  .concat(["shared_buffers=256MB", "max_wal_size=4GB", "wal_compression=on"])
  .flatMap((setting) => ["-c", setting]);
const THROWAWAY_FLAGS = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"].flatMap((s) => ["-c", s]);

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

function urlOf(c: Connection, database = c.database): string {
  return `postgresql://postgres:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/${database}`;
}

async function readConnection(file: string): Promise<Connection | undefined> {
  if (!existsSync(file)) return undefined;
  const parsed = connectionFile.safeParse(JSON.parse(await readFile(file, "utf8")));
  return parsed.success ? parsed.data : undefined;
}

/** The folder of this DATA_DIR's cluster outside the checkout: named after the checkout, unique by its path. */
export function privateLocation(dataDir: string, privateRoot = PRIVATE_ROOT): string {
  const real = realpathSync(dataDir);
  const id = createHash("sha256").update(real).digest("hex").slice(0, 12);
  const name = path.basename(path.dirname(real)).replace(/[^A-Za-z0-9._-]/g, "_") || "data";
  return path.join(privateRoot, `${name}-${id}`);
}

/** In DATA_DIR when the server's user can reach it (always when not root), else a private folder. */
async function chooseLocation(root: string, user: ServerUser, privateRoot: string): Promise<string> {
  const inPlace = path.join(root, "postgres");
  if (existsSync(path.join(inPlace, "PG_VERSION")) || !user) return inPlace;
  if (await userCan(user, "x", path.dirname(root))) {
    await chmod(root, 0o711); // enter only: secrets beside the cluster stay private (mode 600)
    if (await userCan(user, "x", root)) return inPlace;
  }
  await mkdir(privateRoot, { recursive: true, mode: 0o755 });
  return privateLocation(root, privateRoot);
}

/**
 * Reuses the server another process already runs for DATA_DIR, or starts one (initialising the cluster on first
 * use). Only a server started here is stopped by `stop()`.
 */
export async function ensureEmbeddedDatabase(
  dataDir: string,
  log: (msg: string) => void,
  opts: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const file = path.join(root, "postgres.json");
  await mkdir(root, { recursive: true });
  const known = await readConnection(file);
  const inPlace = path.join(root, "postgres");
  if (known && (await databaseAnswers(urlOf(known)))) {
    return { url: urlOf(known), startedHere: false, location: known.location ?? inPlace, stop: async () => undefined };
  }

  const user = await serverUser();
  const privateRoot = opts.privateRoot ?? PRIVATE_ROOT;
  const location = known?.location ?? (await chooseLocation(root, user, privateRoot));
  const isNew = !existsSync(path.join(location, "PG_VERSION"));
  if (!known && !isNew) {
    throw new EmbeddedDatabaseError(
      `a database exists under ${location} but ${file}, which holds its password, is missing`,
      `restore that file, or remove ${location} to start with an empty database`,
    );
  }
  const conn: Connection = {
    port: known?.port ?? 0,
    password: known?.password ?? randomBytes(24).toString("hex"),
    database: "merchant_ops",
    ...(location === inPlace ? {} : { location }),
  };
  // Written before initdb: the password must outlive a crash between initdb and the first successful start.
  await writeFile(file, JSON.stringify(conn), { mode: 0o600 });

  const cluster: Cluster = {
    bin: await reachableBinaries(user, privateRoot),
    dir: location,
    user,
    logFile: path.join(root, "postgres.log"),
  };
  if (isNew) {
    log(`initialising the embedded PostgreSQL under ${location}`);
    await initCluster(cluster, conn.password, { noSync: opts.throwaway ?? false });
  }
  const already = await runningPort(location);
  if (already && (await databaseAnswers(urlOf({ ...conn, port: already }, "postgres")))) {
    // Running, but postgres.json named another port (a start that crashed before writing it): adopt it.
    conn.port = already;
    await ensureDatabase(conn);
    await writeFile(file, JSON.stringify(conn), { mode: 0o600 });
    return { url: urlOf(conn), startedHere: false, location, stop: async () => undefined };
  }
  const flags = opts.throwaway ? [...SERVER_FLAGS, ...THROWAWAY_FLAGS] : SERVER_FLAGS;
  const server = await startOnFreePort(cluster, conn, flags);
  await ensureDatabase(conn);
  await writeFile(file, JSON.stringify(conn), { mode: 0o600 });
  return { url: urlOf(conn), startedHere: true, location, stop: server.stop };
}

async function startOnFreePort(cluster: Cluster, conn: Connection, flags: string[]) {
  for (let attempt = 1; ; attempt++) {
    conn.port = await freePort();
    try {
      return await startCluster(cluster, conn.port, flags, urlOf(conn, "postgres"));
    } catch (err) {
      // Another program took the port between our check and the server's bind: pick another.
      if (!(err instanceof PortInUseError) || attempt >= 3) throw err;
    }
  }
}

async function ensureDatabase(conn: Connection): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf(conn, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [conn.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(conn.database)}`);
  } finally {
    await client.end();
  }
}

/** Deletes DATA_DIR and its cluster wherever it lives (the end-to-end suite starts from nothing each run). */
export async function removeEmbeddedDatabase(dataDir: string, privateRoot = PRIVATE_ROOT): Promise<void> {
  const root = path.resolve(dataDir);
  const known = await readConnection(path.join(root, "postgres.json")).catch(() => undefined);
  // Without postgres.json (a checkout cloned again at the same path) this folder's private cluster may still be
  // there, named after the folder: it goes too, or the next start refuses to guess its password.
  await mkdir(root, { recursive: true }); // its real path names that cluster
  const orphan = privateLocation(root, privateRoot);
  const location = known?.location ?? path.join(root, "postgres");
  for (const dir of new Set([location, ...(existsSync(orphan) ? [orphan] : [])])) {
    await stopStrayServer(dir);
    if (dir !== path.join(root, "postgres")) await rm(dir, { recursive: true, force: true });
  }
  await rm(root, { recursive: true, force: true });
}

async function stopStrayServer(location: string): Promise<void> {
  if (!(await runningPort(location))) return;
  const pid = Number((await readFile(path.join(location, "postmaster.pid"), "utf8")).split("\n")[0]);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 200 && (await runningPort(location)); i++) await new Promise((r) => setTimeout(r, 100));
}
