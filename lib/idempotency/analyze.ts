// The service behind every way in (upload, API, `ops idempotency analyze`, this dashboard's own calls): streams
// the inputs through the analysis while they arrive, then records the totals, the readiness rows, the per-day
// trend counts and an audit entry in one transaction. An analysis that fails half-way leaves nothing behind.
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Analyzer } from "@/lib/idempotency/analyzer";
import { DailyTally, type DailyCounts } from "@/lib/idempotency/daily";
import {
  DEFAULT_READ_LIMITS,
  newFileRead,
  readExchanges,
  type FileRead,
  type ReadLimits,
} from "@/lib/idempotency/input/read-file";
import { extraHostsFor, type ExtraHosts } from "@/lib/idempotency/normalize";
import { buildSummary, type AnalysisSummary } from "@/lib/idempotency/summary";
import { storable } from "@/lib/idempotency/copy-text";
import { clearSpill, pgSink, pgSpill } from "@/lib/idempotency/store";
import type { Exchange } from "@/lib/idempotency/types";
import { log } from "@/lib/log";

export type AnalysisKind = "upload" | "api" | "cli" | "dashboard";

/** A file as bytes (plain or gzip, HAR or NDJSON), or exchanges read from somewhere else (this app's records). */
export type TrafficInput =
  | { name: string; bytes: AsyncIterable<Buffer | Uint8Array | string> }
  | { name: string; format: "exchanges"; exchanges: AsyncIterable<Exchange>; dailyOrigin: (day: string) => string };

export type AnalyzeOptions = {
  kind: AnalysisKind;
  source?: string;
  requestId?: string;
  limits?: Partial<ReadLimits>;
  /** Hosts that stand for Adyen besides Adyen's own; default: the host of ADYEN_API_BASE_URL. */
  extraHosts?: ExtraHosts;
  /** Keys kept in memory and chains kept open before spilling or closing (tests make them small). */
  keyCap?: number;
  chainCap?: number;
};

const MB = 1024 * 1024;
const MAX_SOURCE = 200;
/** The first MAX_SOURCE characters, storable (a cut may leave half a character). */
const head = (text: string): string => storable(text.slice(0, MAX_SOURCE));

function actorLabel(actor: Actor): string {
  return actor === "system" ? "system (ops CLI)" : actor.label;
}

type Done = { read: FileRead; daily: DailyCounts[]; dailyOrigin: (day: string) => string };

export async function analyzeTraffic(
  actor: Actor,
  inputs: AsyncIterable<TrafficInput> | Iterable<TrafficInput>,
  options: AnalyzeOptions,
): Promise<AnalysisSummary> {
  assertCan(actor, "idempotency.analyze");
  const e = env();
  const limits: ReadLimits = {
    ...DEFAULT_READ_LIMITS,
    maxContentBytes: e.IDEMPOTENCY_MAX_CONTENT_MB * MB,
    ...options.limits,
  };
  const started = performance.now();
  const analysis = await db().idempotencyAnalysis.create({
    data: {
      kind: options.kind,
      source: head(options.source ?? ""),
      status: "running",
      createdBy: actorLabel(actor),
    },
  });
  const id = analysis.id;
  const analyzer = new Analyzer(pgSpill(id), pgSink(id), {
    extraHosts: options.extraHosts ?? extraHostsFor(e.ADYEN_API_BASE_URL, e.ADYEN_ENVIRONMENT, e.ADYEN_REGION),
    keyCap: options.keyCap,
    chainCap: options.chainCap,
  });
  const done: Done[] = [];
  try {
    for await (const input of inputs) {
      const daily = new DailyTally();
      const read = newFileRead(input.name);
      if ("bytes" in input) {
        await analyzer.analyze(readExchanges(input.bytes, read, limits), daily);
        const origin = read.sha256 && !read.stop ? `sha256:${read.sha256}` : `analysis:${id}:${done.length}`;
        done.push({ read, daily: daily.rows(), dailyOrigin: () => origin });
      } else {
        read.format = null;
        const before = analyzer.entries;
        await analyzer.analyze(input.exchanges, daily);
        read.entries = analyzer.entries - before;
        done.push({ read, daily: daily.rows(), dailyOrigin: input.dailyOrigin });
      }
    }
    const totals = await analyzer.finish();
    const summary = await record(actor, id, analyzer, totals.chains, done, options);
    log.info("idempotency.analysis", {
      requestId: options.requestId,
      analysisId: id,
      files: done.length,
      entries: analyzer.entries,
      adyenRequests: analyzer.adyenRequests,
      lateAttempts: totals.lateAttempts,
      distinctKeys: totals.distinctKeys,
      ms: Math.round(performance.now() - started),
    });
    return summary;
  } catch (err) {
    await db()
      .idempotencyAnalysis.delete({ where: { id } })
      .catch(() => undefined);
    throw err;
  } finally {
    await clearSpill(id).catch(() => undefined);
  }
}

async function knownMerchantAccounts(): Promise<string[]> {
  const stores = await db().store.findMany({
    where: { merchantAccount: { not: null } },
    select: { merchantAccount: true },
  });
  const configured = env().ADYEN_MERCHANT_ACCOUNT;
  return [...new Set([...stores.map((s) => s.merchantAccount as string), ...(configured ? [configured] : [])])];
}

async function record(
  actor: Actor,
  id: string,
  analyzer: Analyzer,
  chains: number,
  done: Done[],
  options: AnalyzeOptions,
): Promise<AnalysisSummary> {
  const rows = analyzer.readiness.rows({ merchantAccount: await knownMerchantAccounts() });
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
