// The end of an analysis: its totals, files, readiness rows, per-day trend counts and audit entry, written in one
// transaction; the analysis counts (complete or incomplete) only once this committed.
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Analyzer } from "@/lib/idempotency/analyzer";
import { storable } from "@/lib/idempotency/copy-text";
import type { DailyCounts } from "@/lib/idempotency/daily";
import type { FileRead } from "@/lib/idempotency/input/read-file";
import { buildSummary, type AnalysisSummary } from "@/lib/idempotency/summary";

export type FileDone = { read: FileRead; daily: DailyCounts[]; dailyOrigin: (day: string) => string };

const MAX_SOURCE = 200;
/** The first MAX_SOURCE characters, storable (a cut may leave half a character). */
export const head = (text: string): string => storable(text.slice(0, MAX_SOURCE));

async function knownMerchantAccounts(configured: string | undefined): Promise<string[]> {
  const stores = await db().store.findMany({
    where: { merchantAccount: { not: null } },
    select: { merchantAccount: true },
  });
  return [...new Set([...stores.map((s) => s.merchantAccount as string), ...(configured ? [configured] : [])])];
}

export async function recordAnalysis(
  actor: Actor,
  id: string,
  analyzer: Analyzer,
  chains: number,
  done: FileDone[],
  options: { kind: string; source?: string; requestId?: string; merchantAccount?: string },
): Promise<AnalysisSummary> {
  const rows = analyzer.readiness.rows({ merchantAccount: await knownMerchantAccounts(options.merchantAccount) });
  const overall = analyzer.readiness.overall();
  const files = done.map((d) => d.read);
  const summary = buildSummary({
    id,
    files,
    entries: analyzer.entries,
    adyenRequests: analyzer.adyenRequests,
    chains,
    findings: analyzer.counts,
    overall,
    rows,
    evidence: { stored: analyzer.evidence.stored, sampled: analyzer.evidence.sampled },
  });
  const findingsTotal = Object.values(summary.findings).reduce((a, b) => a + b, 0);
  const daily = done.flatMap((d) => d.daily.map((c) => ({ ...c, origin: d.dailyOrigin(c.day) })));
  await db().$transaction(
    async (tx) => {
      await tx.idempotencyAnalysis.update({
        where: { id },
        data: {
          status: summary.complete ? "complete" : "incomplete",
          source: head(options.source || files.map((f) => f.name).join(", ")),
          files: files.length,
          entries: summary.entries,
          adyenRequests: summary.adyenRequests,
          chains,
          findingsTotal,
          findingsStored: analyzer.evidence.stored,
          bytesRead: BigInt(files.reduce((a, f) => a + f.contentBytes, 0)),
          readiness: overall.requests === 0 ? null : overall.ready / overall.requests,
          summary,
          finishedAt: new Date(),
        },
      });
      await tx.idempotencyInput.createMany({
        data: files.map((f, position) => ({
          analysisId: id,
          position,
          name: head(f.name),
          format: f.format,
          compressed: f.compressed,
          bytes: BigInt(f.bytes),
          contentBytes: BigInt(f.contentBytes),
          sha256: f.sha256,
          entries: f.entries,
          complete: f.stop === null,
          stoppedAt: f.stop
            ? f.stop.entry !== undefined
              ? `entry ${f.stop.entry}`
              : `line ${f.stop.line ?? 1}`
            : null,
          reason: f.stop?.reason ?? null,
        })),
      });
      await tx.idempotencyReadiness.createMany({
        data: rows.map((r) => ({
          analysisId: id,
          dimension: r.dimension,
          value: head(r.value),
          requests: r.requests,
          ready: r.ready,
          findings: r.findings,
          verdict: r.verdict,
        })),
        skipDuplicates: true,
      });
      // The same traffic analysed again replaces its own days in the trend instead of adding to them.
      const origins = [...new Set(daily.map((d) => d.origin))];
      if (origins.length > 0) await tx.idempotencyDaily.deleteMany({ where: { origin: { in: origins } } });
      await tx.idempotencyDaily.createMany({
        data: daily.map((d) => ({
          origin: d.origin,
          day: new Date(`${d.day}T00:00:00Z`),
          environment: d.environment,
          requests: d.requests,
          ready: d.ready,
          legacy: d.legacy,
          analysisId: id,
        })),
      });
      await recordAudit(tx, actor, {
        action: "idempotency.analyze",
        entityType: "idempotency_analysis",
        entityId: id,
        after: {
          kind: options.kind,
          files: files.map((f) => ({ name: f.name, sha256: f.sha256, entries: f.entries, complete: f.stop === null })),
          findingsTotal,
        },
        requestId: options.requestId,
      });
    },
    { timeout: 60_000 },
  );
  return summary;
}
