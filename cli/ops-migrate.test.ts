// `npx ops migrate` reports what it applied (it once migrated twice and so always said "0 applied").
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readMigrations } from "@/lib/db/migrate";
import { childEnv } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");
const name = `t_ops_migrate_${randomBytes(4).toString("hex")}`;
const serverUrl = () => inject("pgServerUrl");

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

function opsMigrate(): Promise<{ code: number; stdout: string; stderr: string }> {
  const url = serverUrl().replace(/\/[^/]+$/, `/${name}`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "bin/ops.js"), "migrate"],
      { cwd: ROOT, env: childEnv({ DATABASE_URL: url, LOG_LEVEL: "warn" }), timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => admin(`CREATE DATABASE ${name}`));
afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

describe("npx ops migrate", () => {
  it("names what it applied to an empty database, then finds everything in place", async () => {
    const all = (await readMigrations()).map((m) => m.name);
    const first = await opsMigrate();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim().split("\n")).toEqual([
      ...all.map((m) => `applied ${m}`),
      `migrations: ${all.length} applied, 0 already in place`,
    ]);
    const second = await opsMigrate();
    expect(second.stdout.trim()).toBe(`migrations: 0 applied, ${all.length} already in place`);
  }, 120_000);
});
