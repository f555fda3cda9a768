// The whole analysis on generated traffic with every finding code, against what it gave before the hot path was
// optimised: the `--json` summary, and digests of every finding and chain row stored. Small key and chain caps
// send keys through the PostgreSQL spill and back, and close chains early, as a big log does. When the analysis
// is meant to change, review the difference and update the snapshot (`npx vitest run -u <this file>`).
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTraffic } from "@/bench/idempotency-traffic";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { analyzeInProcess } from "@/lib/idempotency/analyze";
import { FINDING_CODES } from "@/lib/idempotency/codes";
import { inChunks } from "@/lib/idempotency/input/test-support";
import { closeIdempotencyPool } from "@/lib/idempotency/pg";
import { withTestDatabase } from "@/lib/testing/database";

withTestDatabase({ beforeDrop: closeIdempotencyPool });

let dir = "";
beforeAll(async () => {
  setEnvForTests({ LOG_LEVEL: "silent" });
  dir = await mkdtemp(path.join(os.tmpdir(), "idem-generated-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const digest = (rows: unknown[]) =>
  createHash("sha256")
    .update(rows.map((r) => JSON.stringify(r)).join("\n"))
    .digest("hex")
    .slice(0, 16);

/** Every stored row of the analysis, in a stable order, as digests (ids and the analysis id left out). */
async function storedDigests(analysisId: string) {
  const findings = await db().$queryRaw<unknown[]>`
    SELECT code, chain_no, at, endpoint, merchant_account, region, client, idempotency_key, detail::text, evidence::text
    FROM idempotency_findings WHERE analysis_id = ${analysisId}::uuid
    ORDER BY code, at, chain_no, idempotency_key, evidence::text`;
  const chains = await db().$queryRaw<unknown[]>`
    SELECT chain_no, endpoint, merchant_account, reference, region, client, first_at, last_at, attempt_count, key_count,
           codes, attempts::text
    FROM idempotency_chains WHERE analysis_id = ${analysisId}::uuid ORDER BY chain_no`;
  const readiness = await db().$queryRaw<unknown[]>`
    SELECT dimension, value, requests, ready, findings::text, verdict
    FROM idempotency_readiness WHERE analysis_id = ${analysisId}::uuid ORDER BY dimension, value`;
  const daily = await db().$queryRaw<unknown[]>`
    SELECT day, environment, requests, ready, legacy
    FROM idempotency_daily WHERE analysis_id = ${analysisId}::uuid ORDER BY day, environment`;
  return {
    findings: { rows: findings.length, digest: digest(findings) },
    chains: { rows: chains.length, digest: digest(chains) },
    readiness: digest(readiness),
    daily: digest(daily),
  };
}

describe.each(["ndjson", "har"] as const)("a generated %s log with every finding code", (format) => {
  it("gives the same summary and the same stored findings and chains as before", async () => {
    const file = path.join(dir, `every-mistake.${format}`);
    await writeTraffic(file, {
      format,
      targetBytes: 3e6,
      from: new Date("2020-05-01T00:00:00Z"),
      to: new Date("2020-11-30T00:00:00Z"),
      legacyFrom: 0.25,
      legacyTo: 0.02,
      everyMistake: true,
    });
    const summary = await analyzeInProcess(
      "system",
      [{ name: path.basename(file), bytes: inChunks(await readFile(file), 256 * 1024) }],
      { kind: "cli", extraHosts: new Map(), keyCap: 300, chainCap: 100 },
    );
    for (const code of FINDING_CODES) expect(summary.findings[code], code).toBeGreaterThan(0);
    const { id, ...withoutId } = summary;
    const stored = await storedDigests(id);
    await expect(`${JSON.stringify({ summary: withoutId, stored }, null, 2)}\n`).toMatchFileSnapshot(
      `./__snapshots__/analyze-generated.${format}.json`,
    );
  });
});
