// Read models of the checker: analyses, findings (filtered, cursor-paginated), chains and readiness rows.
// Every function checks idempotency.read first and returns plain serialisable objects.
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isFindingCode, type FindingCode } from "@/lib/idempotency/codes";
import { findingsFilterSchema, type FindingsFilter } from "@/lib/idempotency/filters";
import type { Dimension, Verdict } from "@/lib/idempotency/readiness";
import type { AnalysisSummary } from "@/lib/idempotency/summary";
import type { Evidence } from "@/lib/idempotency/types";
import { isStale, mayManage } from "@/lib/idempotency/lifecycle";
import { isOutcomeCode, outcomeText, type OutcomeParams } from "@/lib/idempotency/outcomes";

export type AnalysisStatus = "queued" | "running" | "complete" | "incomplete" | "failed" | "cancelled";

export type AnalysisListItem = {
  id: string;
  kind: string;
  source: string;
  /** A queued or running analysis whose process stopped is shown as failed (reason server_stopped). */
  status: AnalysisStatus;
  /** Why it failed or was cancelled (lib/idempotency/outcomes.ts), in English beside. */
  reason: { code: string; params: OutcomeParams; message: string } | null;
  /** Its place in the queue of the instance holding it: 1 runs next. */
  position: number | null;
  /** Content read so far (while running) or in all. */
  bytesRead: number;
  /** Findings stored with evidence; fewer than findingsTotal when evidence was sampled. */
  findingsStored: number;
  cancelRequested: boolean;
  /** The caller started it or is an admin: may cancel or delete it. */
  canManage: boolean;
  files: number;
  entries: number;
  adyenRequests: number;
  chains: number;
  findingsTotal: number;
  readiness: number | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type AnalysisDetail = AnalysisListItem & {
  summary: AnalysisSummary | null;
  inputs: {
    name: string;
    format: string | null;
    compressed: boolean;
    bytes: number;
    contentBytes: number;
    sha256: string | null;
    entries: number;
    complete: boolean;
    stoppedAt: string | null;
    reason: string | null;
    analysedBefore: string | null;
  }[];
};

export type FindingItem = {
  id: string;
  code: FindingCode;
  chainNo: number | null;
  at: string | null;
  endpoint: string | null;
  merchantAccount: string | null;
  region: string | null;
  client: string | null;
  idempotencyKey: string | null;
  detail: Record<string, unknown>;
  evidence: Evidence[];
};

export type ChainDetail = {
  analysisId: string;
  chainNo: number;
  endpoint: string;
  merchantAccount: string | null;
  reference: string | null;
  region: string;
  client: string | null;
  firstAt: string | null;
  lastAt: string | null;
  attemptCount: number;
  keyCount: number;
  codes: FindingCode[];
  attempts: Evidence[];
  findings: FindingItem[];
};

export type ReadinessItem = {
  dimension: Dimension;
  value: string;
  requests: number;
  ready: number;
  findings: Partial<Record<FindingCode, number>>;
  verdict: Verdict;
};

type AnalysisRow = Prisma.IdempotencyAnalysisGetPayload<object>;

const STALE = { code: "server_stopped" as const, params: {} };

function listItem(actor: Actor, a: AnalysisRow, position: number | null = null): AnalysisListItem {
  const orphaned = (a.status === "queued" || a.status === "running") && isStale(a.heartbeatAt);
  const reason = orphaned
    ? { ...STALE, message: outcomeText(STALE.code) }
    : a.reasonCode && isOutcomeCode(a.reasonCode)
      ? { code: a.reasonCode, params: (a.reasonParams ?? {}) as OutcomeParams, message: a.reason ?? "" }
      : null;
  return {
    id: a.id,
    kind: a.kind,
    source: a.source,
    status: orphaned ? "failed" : (a.status as AnalysisStatus),
    reason,
    position: orphaned ? null : position,
    bytesRead: Number(a.bytesRead),
    findingsStored: a.findingsStored,
    cancelRequested: a.cancelRequestedBy !== null,
    canManage: mayManage(actor, a.createdById),
    files: a.files,
    entries: a.entries,
    adyenRequests: a.adyenRequests,
    chains: a.chains,
    findingsTotal: a.findingsTotal,
    readiness: a.readiness,
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
    startedAt: a.startedAt?.toISOString() ?? null,
    finishedAt: a.finishedAt?.toISOString() ?? null,
  };
}

/** Places in the queues: per process holding them, in arrival order (the order its queue keeps). */
async function queuePositions(rows: AnalysisRow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!rows.some((r) => r.status === "queued")) return out;
  const queued = await db().idempotencyAnalysis.findMany({
    where: { status: "queued" },
    orderBy: { createdAt: "asc" },
    select: { id: true, runner: true },
  });
  const seen = new Map<string | null, number>();
  for (const q of queued) {
    const n = (seen.get(q.runner) ?? 0) + 1;
    seen.set(q.runner, n);
    out.set(q.id, n);
  }
  return out;
}

/** The latest analyses, newest first, the waiting and running ones included. */
export async function listAnalyses(actor: Actor, limit = 20): Promise<AnalysisListItem[]> {
  assertCan(actor, "idempotency.read");
  const rows = await db().idempotencyAnalysis.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  const positions = await queuePositions(rows);
  return rows.map((r) => listItem(actor, r, positions.get(r.id) ?? null));
}

/** The analysis to show when none is named: the latest finished one. */
export async function latestAnalysisId(actor: Actor): Promise<string | null> {
  assertCan(actor, "idempotency.read");
  const row = await db().idempotencyAnalysis.findFirst({
    where: { status: { in: ["complete", "incomplete"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}

export async function getAnalysis(actor: Actor, id: string): Promise<AnalysisDetail> {
  assertCan(actor, "idempotency.read");
  const a = await db().idempotencyAnalysis.findUnique({
    where: { id },
    include: { inputs: { orderBy: { position: "asc" } } },
  });
  if (!a) throw new AppError("NOT_FOUND", `No idempotency analysis ${id}.`);
  const hashes = a.inputs.map((i) => i.sha256).filter((h): h is string => h !== null);
  const earlier = hashes.length
    ? await db().idempotencyInput.findMany({
        where: {
          sha256: { in: hashes },
          analysis: { createdAt: { lt: a.createdAt }, status: { in: ["complete", "incomplete"] } },
        },
        select: { sha256: true, analysisId: true },
        orderBy: { analysis: { createdAt: "desc" } },
      })
    : [];
  const positions = await queuePositions([a]);
  const done = a.status === "complete" || a.status === "incomplete";
  return {
    ...listItem(actor, a, positions.get(a.id) ?? null),
    summary: done ? (a.summary as unknown as AnalysisSummary) : null,
    inputs: a.inputs.map((i) => ({
      name: i.name,
      format: i.format,
      compressed: i.compressed,
      bytes: Number(i.bytes),
      contentBytes: Number(i.contentBytes),
      sha256: i.sha256,
      entries: i.entries,
      complete: i.complete,
      stoppedAt: i.stoppedAt,
      reason: i.reason,
      analysedBefore: earlier.find((e) => e.sha256 === i.sha256)?.analysisId ?? null,
    })),
  };
}

type FindingRow = Prisma.IdempotencyFindingGetPayload<object>;

function findingItem(f: FindingRow): FindingItem {
  return {
    id: f.id.toString(),
    code: isFindingCode(f.code) ? f.code : "legacy_pragma_retry",
    chainNo: f.chainNo,
    at: f.at?.toISOString() ?? null,
    endpoint: f.endpoint,
    merchantAccount: f.merchantAccount,
    region: f.region,
    client: f.client,
    idempotencyKey: f.idempotencyKey,
    detail: (f.detail ?? {}) as Record<string, unknown>,
    evidence: (f.evidence ?? []) as unknown as Evidence[],
  };
}

/** Findings of one analysis (the latest when none is named), newest rule first by id, filtered on the server. */
export async function listFindings(
  actor: Actor,
  input: FindingsFilter | Record<string, unknown>,
): Promise<{ analysisId: string | null; items: FindingItem[]; nextCursor: string | null }> {
  assertCan(actor, "idempotency.read");
  const f = findingsFilterSchema.parse(input);
  const analysisId = f.analysisId ?? (await latestAnalysisId(actor));
  if (!analysisId) return { analysisId: null, items: [], nextCursor: null };
  const where: Prisma.IdempotencyFindingWhereInput = {
    analysisId,
    ...(f.code ? { code: f.code } : {}),
    ...(f.endpoint ? { endpoint: f.endpoint } : {}),
    ...(f.account ? { merchantAccount: f.account === "(unknown)" ? null : f.account } : {}),
    ...(f.region ? { region: f.region } : {}),
    ...(f.client ? { client: f.client === "(unknown)" ? null : f.client } : {}),
    ...(f.chain ? { chainNo: f.chain } : {}),
    ...(f.cursor ? after(f.cursor) : {}),
  };
  // In time order (as the requests happened), findings without a time last; id breaks ties.
  const rows = await db().idempotencyFinding.findMany({
    where,
    orderBy: [{ at: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    analysisId,
    items: page.map(findingItem),
    nextCursor: rows.length > f.limit && last ? `${last.at ? last.at.getTime() : "n"}:${last.id}` : null,
  };
}

/** Keyset condition for the rows after a cursor in (at nulls last, id) order. */
function after(cursor: string): Prisma.IdempotencyFindingWhereInput {
  const [at, id] = cursor.split(":") as [string, string];
  if (at === "n") return { at: null, id: { gt: BigInt(id) } };
  const time = new Date(Number(at));
  return { OR: [{ at: { gt: time } }, { at: time, id: { gt: BigInt(id) } }, { at: null }] };
}

export async function getChain(actor: Actor, analysisId: string, chainNo: number): Promise<ChainDetail> {
  assertCan(actor, "idempotency.read");
  const c = await db().idempotencyChain.findUnique({ where: { analysisId_chainNo: { analysisId, chainNo } } });
  if (!c) throw new AppError("NOT_FOUND", `No chain ${chainNo} in analysis ${analysisId}.`);
  const findings = await db().idempotencyFinding.findMany({
    where: { analysisId, chainNo },
    orderBy: { id: "asc" },
    take: 200,
  });
  return {
    analysisId,
    chainNo,
    endpoint: c.endpoint,
    merchantAccount: c.merchantAccount,
    reference: c.reference,
    region: c.region,
    client: c.client,
    firstAt: c.firstAt?.toISOString() ?? null,
    lastAt: c.lastAt?.toISOString() ?? null,
    attemptCount: c.attemptCount,
    keyCount: c.keyCount,
    codes: c.codes.filter(isFindingCode),
    attempts: c.attempts as unknown as Evidence[],
    findings: findings.map(findingItem),
  };
}

export async function listReadiness(actor: Actor, analysisId: string): Promise<ReadinessItem[]> {
  assertCan(actor, "idempotency.read");
  const rows = await db().idempotencyReadiness.findMany({
    where: { analysisId },
    orderBy: [{ dimension: "asc" }, { requests: "desc" }, { value: "asc" }],
  });
  return rows.map((r) => ({
    dimension: r.dimension as Dimension,
    value: r.value,
    requests: r.requests,
    ready: r.ready,
    findings: r.findings as Partial<Record<FindingCode, number>>,
    verdict: r.verdict as Verdict,
  }));
}
