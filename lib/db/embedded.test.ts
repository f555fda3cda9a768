// The embedded PostgreSQL manager against real clusters in temporary folders.
import { existsSync, statSync } from "node:fs";
import { appendFile, chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEmbeddedDatabase, removeEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { EmbeddedDatabaseError } from "@/lib/db/embedded-error";
import { runningPort } from "@/lib/db/postgres-server";
import { isRoot, serverUser } from "@/lib/db/server-user";

const quiet = () => undefined;
const throwaway = { throwaway: true };
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "ops-embedded-test-"));
  await chmod(tmp, 0o755); // reachable, like a checkout outside a home folder
});
afterAll(async () => {
  for (const d of ["data", "home/data"]) await removeEmbeddedDatabase(path.join(tmp, d)).catch(quiet);
  await rm(tmp, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  return query(url, "select 1").then(
    () => true,
    () => false,
  );
}

describe("ensureEmbeddedDatabase", () => {
  let first: EmbeddedDatabase;

  it("initialises a cluster on first use and keeps its data across a stop and a start", async () => {
    const dataDir = path.join(tmp, "data");
    first = await ensureEmbeddedDatabase(dataDir, quiet, throwaway);
    expect(first.startedHere).toBe(true);
    expect(first.location).toBe(path.join(dataDir, "postgres"));
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before restart')");
    await first.stop();
    expect(await answers(first.url)).toBe(false);
    expect(await runningPort(first.location)).toBeUndefined();

    first = await ensureEmbeddedDatabase(dataDir, quiet, throwaway);
    expect(first.startedHere).toBe(true);
    expect(await query(first.url, "SELECT note FROM kept")).toEqual([{ note: "before restart" }]);
    expect(
      await query(
        first.url,
        "SELECT pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = current_database()",
      ),
    ).toEqual([{ enc: "UTF8" }]);
  });

  it("lets a second process reuse the running server without being able to stop it", async () => {
    const second = await ensureEmbeddedDatabase(path.join(tmp, "data"), quiet, throwaway);
    expect(second.startedHere).toBe(false);
    expect(second.url).toBe(first.url);
    await second.stop();
    expect(await answers(first.url)).toBe(true);
  });

  it("reports why the server did not start, in one line", async () => {
    await first.stop();
    const conf = path.join(first.location, "postgresql.conf");
    const original = await readFile(conf, "utf8");
    await appendFile(conf, "\nshared_buffers = 'plenty'\n");
    const failure = ensureEmbeddedDatabase(path.join(tmp, "data"), quiet, throwaway);
    await expect(failure).rejects.toBeInstanceOf(EmbeddedDatabaseError);
    await expect(failure).rejects.toThrow(
      /PostgreSQL stopped while starting: .*"shared_buffers".*; see .*postgres\.log$/,
    );
    await writeFile(conf, original);
  });

  it("refuses a cluster whose password file is gone, saying what to do", async () => {
    await rm(path.join(tmp, "data", "postgres.json"));
    const failure = ensureEmbeddedDatabase(path.join(tmp, "data"), quiet, throwaway);
    await expect(failure).rejects.toThrow(
      /postgres\.json, which holds its password, is missing; restore that file, or remove/,
    );
  });
});

describe.runIf(isRoot())("as root, with a DATA_DIR the server's user cannot reach", () => {
  it("keeps the cluster in a private folder owned by that user, across restarts", async () => {
    const home = path.join(tmp, "home");
    await mkdir(home, { mode: 0o700 });
    await chmod(home, 0o700); // like /root
    const privateRoot = path.join(tmp, "private");
    const dataDir = path.join(home, "data");

    const db = await ensureEmbeddedDatabase(dataDir, quiet, { privateRoot, throwaway: true });
    expect(path.dirname(db.location)).toBe(privateRoot);
    const user = await serverUser();
    const owner = statSync(db.location);
    expect(owner.uid).toBe(user?.uid);
    expect(owner.mode & 0o777).toBe(0o700);
    expect(statSync(home).mode & 0o777).toBe(0o700); // the home folder was not opened up
    await query(db.url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)");
    await db.stop();

    const again = await ensureEmbeddedDatabase(dataDir, quiet, { privateRoot, throwaway: true });
    expect(again.location).toBe(db.location);
    expect(await query(again.url, "SELECT n FROM kept")).toEqual([{ n: 1 }]);
    await again.stop();

    await removeEmbeddedDatabase(dataDir, privateRoot);
    expect(existsSync(db.location)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("removes the private cluster of a folder whose password file is gone (a checkout cloned again in place)", async () => {
    const home = path.join(tmp, "home2");
    await mkdir(home, { mode: 0o700 });
    const privateRoot = path.join(tmp, "private2");
    const dataDir = path.join(home, "data");
    const db = await ensureEmbeddedDatabase(dataDir, quiet, { privateRoot, throwaway: true });
    await db.stop();
    await rm(dataDir, { recursive: true });
    await expect(ensureEmbeddedDatabase(dataDir, quiet, { privateRoot, throwaway: true })).rejects.toThrow(
      /postgres\.json, which holds its password, is missing/,
    );

    await removeEmbeddedDatabase(dataDir, privateRoot);
    expect(existsSync(db.location)).toBe(false);
    const fresh = await ensureEmbeddedDatabase(dataDir, quiet, { privateRoot, throwaway: true });
    expect(fresh.location).toBe(db.location);
    await fresh.stop();
    await removeEmbeddedDatabase(dataDir, privateRoot);
  });
});
