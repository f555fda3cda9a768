// Bounded storage: at most IDEMPOTENCY_MAX_EVIDENCE findings stored with evidence per analysis (counts exact, the
// rare codes kept), analyses deleted after IDEMPOTENCY_RETENTION_DAYS with the trend kept, deletion by the uploader
// or an admin (audited), and the space the checker's tables take.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { analyzeInProcess } from "@/lib/idempotency/analyze";
import { inChunks } from "@/lib/idempotency/input/test-support";
import { deleteAnalysis } from "@/lib/idempotency/manage";
import { closeIdempotencyPool } from "@/lib/idempotency/pg";
import { listFindings } from "@/lib/idempotency/queries";
import { deleteExpiredAnalyses, spaceUsed } from "@/lib/idempotency/retention";
import { loadTrend } from "@/lib/idempotency/trend";
import { withTestDatabase } from "@/lib/testing/database";
import { namedUser } from "@/lib/testing/principals";

withTestDatabase({ beforeDrop: closeIdempotencyPool });
beforeAll(() => setEnvForTests({ LOG_LEVEL: "silent", IDEMPOTENCY_RETENTION_DAYS: "180" }));

const at = (s: number) => new Date(Date.UTC(2026, 0, 5, 10, 0, 0) + s * 1000).toISOString();
const exchange = (s: number, reference: string, key?: string) =>
  JSON.stringify({
    time: at(s),
    method: "POST",
    url: "https://checkout-test.adyen.com/v71/payments",
    requestHeaders: key ? { "Idempotency-Key": key } : {},
    requestBody: { merchantAccount: "ShopEU", reference },
    status: 200,
  });

/** 2,000 requests without a key, then three operations whose retries change their key: a rare code, last. */
function manyFindings(): string {
  const lines = Array.from({ length: 2000 }, (_, i) => exchange(i, `R-${i}`));
  for (let k = 0; k < 3; k++) {
    lines.push(exchange(3000 + k * 10, `K-${k}`, `0f8fad5b-d9cb-469f-a165-7086772895${k}0`));
    lines.push(exchange(3001 + k * 10, `K-${k}`, `0f8fad5b-d9cb-469f-a165-7086772895${k}1`));
  }
  return lines.join("\n");
}

const analyse = (text: string, actor: Principal | "system" = "system", maxEvidence?: number) =>
  analyzeInProcess(actor, [{ name: "traffic.ndjson", bytes: inChunks(text, 65_536) }], { kind: "api", maxEvidence });

describe("bounded storage", () => {
  it("stores at most IDEMPOTENCY_MAX_EVIDENCE findings with evidence, counts exact, a rare late code kept", async () => {
    const s = await analyse(manyFindings(), "system", 240);
    expect(s.findings.missing_idempotency_key).toBe(2000);
    expect(s.findings.key_changed_on_retry).toBe(3);
    // 120 first come (all of them missing keys), 10 more for that code's share, and the 3 of the rare code.
    expect(s.evidence).toEqual({ stored: 133, sampled: true });
    const rows = await db().idempotencyFinding.groupBy({ by: ["code"], where: { analysisId: s.id }, _count: true });
    const stored = Object.fromEntries(rows.map((r) => [r.code, r._count]));
    expect(stored.key_changed_on_retry).toBe(3);
    expect(Object.values(stored).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(240);
    const row = await db().idempotencyAnalysis.findUnique({ where: { id: s.id } });
    expect(row).toMatchObject({ findingsTotal: 2003, findingsStored: s.evidence.stored });
    // A finding whose chain row was not stored points at no chain, so its link never leads nowhere.
    const page = await listFindings("system", { analysisId: s.id, code: "key_changed_on_retry" });
    for (const f of page.items) {
      if (f.chainNo !== null) {
        expect(await db().idempotencyChain.count({ where: { analysisId: s.id, chainNo: f.chainNo } })).toBe(1);
      }
    }
  });

  it("deletes analyses past IDEMPOTENCY_RETENTION_DAYS with their findings; the trend keeps its days", async () => {
    const old = await analyse(`${exchange(1, "OLD-1")}\n${exchange(2, "OLD-2")}`);
    const recent = await analyse(exchange(5, "NEW-1"));
    await db().idempotencyAnalysis.update({
      where: { id: old.id },
      data: { createdAt: new Date(Date.now() - 181 * 86_400_000) },
    });
    const trendBefore = await loadTrend("system");
    expect(await deleteExpiredAnalyses()).toBe(1);
    expect(await db().idempotencyAnalysis.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().idempotencyFinding.count({ where: { analysisId: old.id } })).toBe(0);
    expect(await db().idempotencyAnalysis.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db().idempotencyDaily.count({ where: { analysisId: old.id } })).toBeGreaterThan(0);
    expect(await loadTrend("system")).toEqual(trendBefore);
  });

  it("lets the uploader or an admin delete an analysis, audited, with its days in the trend", async () => {
    const alice = namedUser("alice");
    const s = await analyse(exchange(7, "DEL-1"), alice);
    const refused = await deleteAnalysis(namedUser("bob"), s.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("FORBIDDEN");
    await deleteAnalysis(alice, s.id, "req-1");
    expect(await db().idempotencyAnalysis.findUnique({ where: { id: s.id } })).toBeNull();
    expect(await db().idempotencyFinding.count({ where: { analysisId: s.id } })).toBe(0);
    expect(await db().idempotencyDaily.count({ where: { analysisId: s.id } })).toBe(0);
    const audit = await db().auditLog.findFirst({ where: { action: "idempotency.delete", entityId: s.id } });
    expect(audit).toMatchObject({ actorId: "alice", requestId: "req-1" });
    const admin = await analyse(exchange(8, "DEL-2"), alice);
    await deleteAnalysis(namedUser("root", "admin"), admin.id);
    const running = await db().idempotencyAnalysis.create({
      data: { kind: "api", source: "x", status: "running", createdBy: "x", heartbeatAt: new Date() },
    });
    expect(((await deleteAnalysis("system", running.id).catch((e: unknown) => e)) as AppError).code).toBe("CONFLICT");
  });

  it("measures the space the checker's tables take", async () => {
    const space = await spaceUsed();
    expect(space.bytes).toBeGreaterThan(0);
    expect(space.byTable.map((t) => t.table)).toContain("idempotency_findings");
    expect(space.analyses).toBeGreaterThan(0);
  });
});
