// `npm start`'s ways out, run for real in child processes: every failure ends with one line that says what to do
// (never a stack trace), and whatever was started (the embedded PostgreSQL above all) is stopped again.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEmbeddedDatabase, freePort, removeEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { runningPort } from "@/lib/db/postgres-server";
import { childEnv } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "ops-start-test-"));
  await chmod(tmp, 0o755);
});
afterAll(async () => {
  for (const d of ["sim", "migration", "signal"])
    await removeEmbeddedDatabase(path.join(tmp, d)).catch(() => undefined);
  await rm(tmp, { recursive: true, force: true });
});

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs cli/start.ts; `onLine` may send it a signal. */
async function start(env: Record<string, string>, onLine?: (line: string, pid: number) => void): Promise<Run> {
  const base = { PORT: String(await freePort()), LOG_LEVEL: "warn", DATABASE_URL: "", ADYEN_API_KEY: "" };
  const child = spawn(process.execPath, [TSX, path.join(ROOT, "cli", "start.ts")], {
    cwd: ROOT,
    env: childEnv({ ...base, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    for (const line of d.toString().split("\n")) if (line) onLine?.(line, child.pid!);
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  return { code, stdout, stderr };
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

/** After the start ended: its embedded server no longer runs. */
async function expectStopped(dataDir: string): Promise<void> {
  const conn = JSON.parse(await readFile(path.join(dataDir, "postgres.json"), "utf8")) as { port: number };
  expect(conn.port).toBeGreaterThan(0);
  expect(await runningPort(path.join(dataDir, "postgres"))).toBeUndefined();
}

describe("npm start, when something fails", () => {
  it("says in one line that DATABASE_URL does not answer", async () => {
    const closed = await freePort();
    const run = await start({ DATABASE_URL: `postgresql://ops:x@127.0.0.1:${closed}/ops`, DATA_DIR: tmp });
    expect(run.code).toBe(1);
    expectOneLine(run.stderr, /^Could not start: the database is not reachable: .*ECONNREFUSED.*; check that it runs/);
  }, 60_000);

  it("stops the embedded PostgreSQL again when the simulator cannot start", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const dataDir = path.join(tmp, "sim");
    try {
      const run = await start({ DATA_DIR: dataDir, SIM_PORT: String(port) });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("embedded PostgreSQL, data in");
      expectOneLine(run.stderr, /^Could not start: the Adyen simulator did not start: .*EADDRINUSE/);
      await expectStopped(dataDir);
    } finally {
      taken.close();
    }
  }, 120_000);

  it("stops the embedded PostgreSQL again when a migration fails", async () => {
    const dataDir = path.join(tmp, "migration");
    const db = await ensureEmbeddedDatabase(dataDir, () => undefined, { throwaway: true });
    await migrate(db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
    await client.end();
    await db.stop();

    const run = await start({ DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expectOneLine(run.stderr, /^Could not start: migrations failed: migration \S+ was changed after it was applied/);
    await expectStopped(dataDir);
  }, 120_000);

  it("stops everything it started on Ctrl-C, and exits 0", async () => {
    const dataDir = path.join(tmp, "signal");
    let sent = false;
    const run = await start({ DATA_DIR: dataDir }, (line, pid) => {
      if (!sent && line.includes("embedded PostgreSQL, data in")) {
        sent = true;
        process.kill(pid, "SIGINT");
      }
    });
    expect(sent).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    await expectStopped(dataDir);
  }, 120_000);
});
