// `npx ops idempotency analyze FILE --json` prints exactly one JSON object on stdout, whatever the log level: the
// service's log lines (info went to stdout) once came first and broke every caller that parses the output.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FINDING_CODES } from "@/lib/idempotency/codes";
import { childEnv } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");
const name = `t_ops_idem_${randomBytes(4).toString("hex")}`;
const serverUrl = () => inject("pgServerUrl");
const url = () => serverUrl().replace(/\/[^/]+$/, `/${name}`);
let dir = "";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

function ops(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "bin/ops.js"), ...args],
      { cwd: ROOT, env: childEnv({ DATABASE_URL: url(), LOG_LEVEL: "info" }), timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const exchange = (n: number, headers: Record<string, string>) =>
  JSON.stringify({
    time: new Date(Date.UTC(2026, 0, 5, 10, 0, n)).toISOString(),
    method: "POST",
    url: "https://checkout-test.adyen.com/v71/payments",
    requestHeaders: { "User-Agent": "pos/1", ...headers },
    requestBody: { merchantAccount: "ShopEU", reference: "ORDER-1" },
    status: 200,
  });

beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  dir = await mkdtemp(path.join(os.tmpdir(), "ops-idem-"));
  const migrated = await ops("migrate");
  expect(migrated.code, migrated.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe("npx ops idempotency analyze --json", () => {
  it("prints one JSON object with every code on stdout, and its log lines on stderr", async () => {
    const file = path.join(dir, "legacy.ndjson");
    await writeFile(file, `${exchange(0, {})}\n${exchange(2, { Pragma: "process-retry" })}\n`);
    const r = await ops("idempotency", "analyze", file, "--json");
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      files: number;
      entries: number;
      adyenRequests: number;
      chains: number;
      findings: Record<string, number>;
      readiness: { overall: number; byEndpoint: { endpoint: string; requests: number; ready: number }[] };
    };
    expect(summary).toMatchObject({ files: 1, entries: 2, adyenRequests: 2, chains: 1 });
    expect(Object.keys(summary.findings).sort()).toEqual([...FINDING_CODES].sort());
    expect(summary.findings.legacy_pragma_retry).toBe(1);
    expect(summary.findings.missing_idempotency_key).toBe(2);
    expect(summary.readiness.byEndpoint).toEqual([
      expect.objectContaining({ endpoint: "Checkout /payments", requests: 2, ready: 0 }),
    ]);
    expect(r.stderr).toContain('"event":"idempotency.analysis"');
  }, 60_000);

  it("names where reading stopped in a cut-off file, on stderr, and still prints one JSON object", async () => {
    const file = path.join(dir, "cut.ndjson");
    await writeFile(file, `${exchange(0, {})}\n${exchange(1, {}).slice(0, 40)}`);
    const r = await ops("idempotency", "analyze", file, "--json");
    const summary = JSON.parse(r.stdout) as { entries: number; complete: boolean };
    expect(summary).toMatchObject({ entries: 1, complete: false });
    expect(r.stderr).toMatch(/line 2/);
  }, 60_000);
});
