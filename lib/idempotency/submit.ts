// Every analysis (page upload, API, `ops idempotency analyze|audit`, the scheduled audit) goes through here: its
// row is created as queued, it waits for a slot of this process's queue (an upload waiting is spooled to disk),
// then runs in an analysis process of its own at a lower CPU priority, under IDEMPOTENCY_MAX_SECONDS. Whatever
// becomes of that process (done, refused, out of memory, crashed, cancelled, timed out), this process only learns
// it and records it on the row; nothing of the traffic is parsed here.
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { databaseUrl, db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { actorLabel, type AnalysisKind } from "@/lib/idempotency/analyze";
import { DEFAULT_READ_LIMITS } from "@/lib/idempotency/input/read-file";
import { extraHostsFor, type ExtraHosts } from "@/lib/idempotency/normalize";
import { outcomeText, type OutcomeCode, type OutcomeParams } from "@/lib/idempotency/outcomes";
import { ACTIVE_STATUSES, ended, ownerOf } from "@/lib/idempotency/lifecycle";
import { head } from "@/lib/idempotency/record-analysis";
import { startAnalysisProcess, ANALYSIS_HEAP_MB, type ProcessOutcome } from "@/lib/idempotency/runner/process";
import type { Task, TaskInput } from "@/lib/idempotency/runner/protocol";
import { analysisQueue, CancelledError, type Ticket } from "@/lib/idempotency/runner/queue";
import { spoolFiles, type Spooled } from "@/lib/idempotency/runner/spool";
import { clearResults } from "@/lib/idempotency/store";
import type { AnalysisSummary } from "@/lib/idempotency/summary";
import { log } from "@/lib/log";

export type StreamedFiles = AsyncIterable<{ name: string; bytes: AsyncIterable<Buffer> }>;

/** Files streamed in (an upload), files on disk (the CLI), or this dashboard's own records. */
export type AnalysisInput =
  | { kind: "stream"; names: string[]; files: StreamedFiles }
  | { kind: "paths"; files: { name: string; path: string }[] }
  | { kind: "dashboard" };

export type SubmitOptions = {
  kind: AnalysisKind;
  source?: string;
  requestId?: string;
  extraHosts?: ExtraHosts;
  /** Heap of the analysis process (tests make it small to see one run out of memory). */
  heapMb?: number;
  /** Told the analysis process's peak memory once it answered (the benchmark prints it). */
  onProcessDone?: (stats: { maxRssBytes: number }) => void;
};

const MB = 1024 * 1024;
/** Uploads waiting at once on one instance; one more is refused (503) until some have run. */
export const MAX_WAITING = 20;
/** After the time limit, how long an analysis may take to save what it read before it is ended. */
export const SAVE_GRACE_MS = 60_000;

/** Records how an analysis ended without results, unless it already ended otherwise; returns the caller's error. */
async function settle(id: string, status: "failed" | "cancelled", code: OutcomeCode, params: OutcomeParams) {
  const reason = outcomeText(code, params);
  await clearResults(id).catch(() => undefined);
  await db().idempotencyAnalysis.updateMany({
    where: { id, status: { in: [...ACTIVE_STATUSES] } },
    data: ended(status, code, params),
  });
  const reply = { analysisId: id, status, reason: { code, params } };
  return status === "cancelled"
    ? new AppError("CONFLICT", `The analysis was ${reason}.`, { reply })
    : new AppError(code === "internal" ? "INTERNAL" : "UNPROCESSABLE", `The analysis failed: ${reason}.`, { reply });
}

function taskFor(id: string, actor: Actor, input: TaskInput, options: SubmitOptions): Task {
  const e = env();
  const hosts = options.extraHosts ?? extraHostsFor(e.ADYEN_API_BASE_URL, e.ADYEN_ENVIRONMENT, e.ADYEN_REGION);
  return {
    analysisId: id,
    databaseUrl: databaseUrl(),
    actor,
    kind: options.kind,
    source: options.source,
    requestId: options.requestId,
    input,
    limits: { ...DEFAULT_READ_LIMITS, maxContentBytes: e.IDEMPOTENCY_MAX_CONTENT_MB * MB },
    extraHosts: [...hosts.entries()],
    merchantAccount: e.ADYEN_MERCHANT_ACCOUNT,
    maxEvidence: e.IDEMPOTENCY_MAX_EVIDENCE,
  };
}

/** Runs the analysis process and waits for it, enforcing the time limit and a cancellation. */
async function runIsolated(
  ticket: Ticket,
  task: Task,
  files: StreamedFiles | null,
  heapMb: number,
): Promise<ProcessOutcome & { timedOut: boolean; feedError: unknown }> {
  const seconds = env().IDEMPOTENCY_MAX_SECONDS;
  await db().idempotencyAnalysis.update({
    where: { id: task.analysisId },
    data: { status: "running", startedAt: new Date(), heartbeatAt: new Date() },
  });
  const child = startAnalysisProcess(task, heapMb);
  ticket.progress = child.progress;
  const onCancel = () => child.kill();
  ticket.signal.addEventListener("abort", onCancel);
  if (ticket.signal.aborted) child.kill();
  let timedOut = false;
  let grace: NodeJS.Timeout | undefined;
  const limit = setTimeout(() => {
    timedOut = true;
    child.requestStop(seconds);
    grace = setTimeout(() => child.kill(), SAVE_GRACE_MS);
  }, seconds * 1000);
  let feedError: unknown = null;
  // A source that fails (an upload cut off or over its limit) ends the analysis: nothing of it may count.
  const feeding = files
    ? child.feed(files).catch((err: unknown) => {
        feedError = err;
        child.kill();
      })
    : Promise.resolve();
  try {
    const outcome = await child.outcome;
    await feeding;
    return { ...outcome, timedOut, feedError };
  } finally {
    clearTimeout(limit);
    clearTimeout(grace);
    ticket.signal.removeEventListener("abort", onCancel);
  }
}

export async function analyzeTraffic(
  actor: Actor,
  input: AnalysisInput,
  options: SubmitOptions,
): Promise<AnalysisSummary> {
  assertCan(actor, "idempotency.analyze");
  const queue = analysisQueue();
  if (queue.waitingCount >= MAX_WAITING) {
    throw new AppError("UNAVAILABLE", `The checker is busy: ${MAX_WAITING} analyses are waiting. Try again later.`);
  }
  const row = await db().idempotencyAnalysis.create({
    data: {
      kind: options.kind,
      source: head(options.source ?? ""),
      status: "queued",
      createdBy: actorLabel(actor),
      createdById: ownerOf(actor),
      runner: queue.runnerId,
      heartbeatAt: new Date(),
    },
  });
  const id = row.id;
  const ticket = queue.enter(id);
  let spooled: Spooled | null = null;
  try {
    let taskInput: TaskInput = input.kind === "stream" ? { kind: "stream", names: input.names } : input;
    let files = input.kind === "stream" ? input.files : null;
    if (input.kind === "stream" && !ticket.immediate) {
      // Waiting for a slot: the upload is read to its end onto disk meanwhile, then analysed from there.
      spooled = await spoolFiles(id, input.files, ticket.signal);
      taskInput = { kind: "paths", files: spooled.files };
      files = null;
    }
    await ticket.turn;
    const ran = await runIsolated(
      ticket,
      taskFor(id, actor, taskInput, options),
      files,
      options.heapMb ?? ANALYSIS_HEAP_MB,
    );
    if (ticket.cancelledBy !== null && ran.kind !== "done") throw new CancelledError(ticket.cancelledBy);
    if (ran.feedError !== null) throw ran.feedError;
    switch (ran.kind) {
      case "done":
        options.onProcessDone?.({ maxRssBytes: ran.maxRssBytes });
        return ran.summary;
      case "refused":
        await db().idempotencyAnalysis.delete({ where: { id } });
        throw new AppError("UNPROCESSABLE", ran.message, { reply: ran.reply });
      case "failed":
        log.error("idempotency.analysis_failed", { analysisId: id, error: ran.message });
        throw await settle(id, "failed", "internal", {});
      case "exited":
        if (ran.timedOut) throw await settle(id, "failed", "time_limit", { seconds: env().IDEMPOTENCY_MAX_SECONDS });
        if (ran.outOfMemory)
          throw await settle(id, "failed", "out_of_memory", { mb: options.heapMb ?? ANALYSIS_HEAP_MB });
        log.error("idempotency.analysis_crashed", {
          analysisId: id,
          code: ran.code,
          signal: ran.signal,
          last: ran.last,
        });
        throw await settle(id, "failed", "crashed", {
          how: ran.signal ? `signal ${ran.signal}` : `exit code ${ran.code ?? "?"}`,
        });
    }
    throw new Error("unreachable");
  } catch (err) {
    if (err instanceof CancelledError) throw await settle(id, "cancelled", "cancelled", { by: err.by });
    if (err instanceof AppError && (err.details?.reply as { analysisId?: string } | undefined)?.analysisId) throw err;
    // Refused before or while reading (a cut-off or oversized upload, a full spool, no exchanges): nothing stays.
    await clearResults(id).catch(() => undefined);
    await db()
      .idempotencyAnalysis.deleteMany({ where: { id, status: { in: [...ACTIVE_STATUSES] } } })
      .catch(() => undefined);
    throw err;
  } finally {
    queue.leave(id);
    await spooled?.remove();
  }
}
