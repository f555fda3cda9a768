// Runs the real `ops import` CLI in a child process against this file's test database.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { childEnv } from "@/lib/env";
import { createTestDatabase } from "@/lib/testing/database";
import { fixtureText } from "@/lib/reconciliation/reports/fixtures/fixture-input";
import { countRows } from "@/lib/reconciliation/imports/test-support";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURES = path.join(ROOT, "lib/reconciliation/reports/fixtures");

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "ops-import-"));
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

type Run = { code: number; stdout: string; stderr: string };

function ops(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "bin/ops.js"), ...args],
      { cwd: ROOT, env: childEnv({ DATABASE_URL: database.url, LOG_LEVEL: "warn" }), timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("npx ops import", () => {
  it("imports a settlement report and prints one JSON object; a second run adds nothing", async () => {
    const file = path.join(FIXTURES, "settlement-gen2.csv");
    const first = await ops("import", "settlement", file, "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      rows: 6,
      inserted: 6,
      duplicates: 0,
      byType: { Settled: 4, Refunded: 1, Fee: 1 },
      netByCurrency: {
        EUR: { credit: 573, debit: 1478 },
        JPY: { credit: 1455, debit: 0 },
        KWD: { credit: 1200, debit: 0 },
      },
    });
    const second = await ops("import", "settlement", file, "--json");
    expect(JSON.parse(second.stdout)).toMatchObject({ rows: 6, inserted: 0, duplicates: 6 });
    expect(await countRows("settlement_lines")).toBe(6);
    // The CLI waits until matching is queued before it exits.
    const jobs = await db().$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'reconcile.evidence'",
    );
    expect(jobs[0]?.n).toBeGreaterThan(0);
  }, 120_000);

  it("rejects a file with invalid rows whole: problems one per line on stderr, exit 1, nothing written", async () => {
    const file = path.join(dir, "accounting.csv");
    await writeFile(
      file,
      fixtureText("payment-accounting.csv").replace(",JPY,1500,Settled,JPY,", ",JPY,15.5,Settled,JPY,"),
    );
    const before = { batches: await countRows("import_batches"), lines: await countRows("settlement_lines") };
    const run = await ops("import", "payment-accounting", file, "--json");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('line 7: Main Amount: "15.5" has more than 0 decimals for JPY\n');
    expect(run.stderr).toMatch(/1 of 7 rows are invalid; nothing was imported/);
    expect({ batches: await countRows("import_batches"), lines: await countRows("settlement_lines") }).toEqual(before);
  }, 60_000);

  it("with --skip-invalid imports the valid rows and writes the rejected ones to FILE.rejected.csv", async () => {
    const file = path.join(dir, "orders.csv");
    await writeFile(
      file,
      "merchantReference,storeId,amount,currency,createdAt\nCLI-1,NOPE,1.00,EUR,2024-03-14T10:21:03Z\n",
    );
    const run = await ops("import", "orders", file, "--skip-invalid");
    expect(run.code, run.stderr).toBe(0);
    const rejectedFile = path.join(dir, "orders.rejected.csv");
    expect(run.stdout).toContain(`rejected rows written to ${rejectedFile}`);
    expect(await readFile(rejectedFile, "utf8")).toBe(
      'merchantReference,storeId,amount,currency,createdAt,reason\r\nCLI-1,NOPE,1.00,EUR,2024-03-14T10:21:03Z,"storeId: unknown store ""NOPE"": give the store\'s Adyen store id, its reference or its name"\r\n',
    );
  }, 60_000);
});
