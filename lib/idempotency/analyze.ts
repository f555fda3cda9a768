// The analysis itself: streams the inputs through the checker while they arrive, then records the results
// (record-analysis.ts). It runs in an analysis process of its own (runner/), never in the web process; tests also
// run it here (analyzeInProcess). An analysis that fails half-way leaves none of its results behind.
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Analyzer } from "@/lib/idempotency/analyzer";
import { DailyTally } from "@/lib/idempotency/daily";
import {
  DEFAULT_READ_LIMITS,
  newFileRead,
  readExchanges,
  type FileRead,
  type ReadLimits,
} from "@/lib/idempotency/input/read-file";
import { stopText } from "@/lib/idempotency/input/stops";
import { extraHostsFor, type ExtraHosts } from "@/lib/idempotency/normalize";
import { ownerOf } from "@/lib/idempotency/lifecycle";
import { outcomeText } from "@/lib/idempotency/outcomes";
import { head, recordAnalysis, type FileDone } from "@/lib/idempotency/record-analysis";
import { clearResults, clearSpill, pgSink, pgSpill } from "@/lib/idempotency/store";
import { problemOf, type AnalysisSummary } from "@/lib/idempotency/summary";
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
  /** The configured merchant account, shown in readiness even without traffic; default ADYEN_MERCHANT_ACCOUNT. */
  merchantAccount?: string;
  /** Keys kept in memory and chains kept open before spilling or closing (tests make them small). */
  keyCap?: number;
  chainCap?: number;
  /** Findings stored with their evidence at most (counts stay exact beyond); default IDEMPOTENCY_MAX_EVIDENCE. */
  maxEvidence?: number;
  /** Called once the analysis starts, with what it reads and counts as it goes (progress reports). */
  live?: (state: { reads: FileRead[]; analyzer: Analyzer }) => void;
};

const MB = 1024 * 1024;

/** Refused before anything is stored: nothing in the file was an HTTP exchange. */
function noExchanges(read: FileRead): AppError {
  const problem = problemOf(read);
  const message = outcomeText("no_exchanges", { file: read.name });
  return new AppError("UNPROCESSABLE", problem ? `${message} (${problem.message})` : message, {
    reply: { reason: { code: "no_exchanges", params: { file: read.name } }, problems: problem ? [problem] : [] },
  });
}

/** Stops reading exchanges of this app's records once `shouldStop` says so, noting why on the file. */
async function* stoppable(
  exchanges: AsyncIterable<Exchange>,
  read: FileRead,
  shouldStop: ReadLimits["shouldStop"],
): AsyncGenerator<Exchange> {
  for await (const x of exchanges) {
    const stop = shouldStop?.();
    if (stop) {
      read.stop = { entry: read.entries + 1, ...stop, reason: stopText(stop.code, stop.params) };
      return;
    }
    read.entries++;
    yield x;
  }
}

/**
 * Runs an analysis whose row exists; the row becomes complete or incomplete with the results. On failure what it
 * wrote is removed (the row stays: the caller records why it failed).
 */
export async function runAnalysis(
  id: string,
  actor: Actor,
  inputs: AsyncIterable<TrafficInput> | Iterable<TrafficInput>,
  options: AnalyzeOptions,
): Promise<AnalysisSummary> {
  const e = env();
  const limits: ReadLimits = {
    ...DEFAULT_READ_LIMITS,
    maxContentBytes: e.IDEMPOTENCY_MAX_CONTENT_MB * MB,
    ...options.limits,
  };
  const started = performance.now();
  const analyzer = new Analyzer(pgSpill(id), pgSink(id), {
    extraHosts: options.extraHosts ?? extraHostsFor(e.ADYEN_API_BASE_URL, e.ADYEN_ENVIRONMENT, e.ADYEN_REGION),
    keyCap: options.keyCap,
    chainCap: options.chainCap,
    maxEvidence: options.maxEvidence ?? e.IDEMPOTENCY_MAX_EVIDENCE,
  });
  const reads: FileRead[] = [];
  options.live?.({ reads, analyzer });
  const done: FileDone[] = [];
  try {
    for await (const input of inputs) {
      const daily = new DailyTally();
      const read = newFileRead(input.name);
      reads.push(read);
      if ("bytes" in input) {
        await analyzer.analyze(readExchanges(input.bytes, read, limits), daily);
        // Stopped by the time limit before its first exchange, a file is not known to hold none: it stays, incomplete.
        if (read.entries === 0 && read.stop?.code !== "time_limit") throw noExchanges(read);
        const origin = read.sha256 && !read.stop ? `sha256:${read.sha256}` : `analysis:${id}:${done.length}`;
        done.push({ read, daily: daily.rows(), dailyOrigin: () => origin });
      } else {
        read.format = null;
        await analyzer.analyze(stoppable(input.exchanges, read, limits.shouldStop), daily);
        done.push({ read, daily: daily.rows(), dailyOrigin: input.dailyOrigin });
      }
      // Past the time limit the files not read yet are left out.
      if (read.stop?.code === "time_limit") break;
    }
    const totals = await analyzer.finish();
    const summary = await recordAnalysis(actor, id, analyzer, totals.chains, done, {
      ...options,
      merchantAccount: options.merchantAccount ?? e.ADYEN_MERCHANT_ACCOUNT,
    });
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
    await clearResults(id).catch(() => undefined);
    throw err;
  } finally {
    await clearSpill(id).catch(() => undefined);
  }
}

/** The whole analysis in this process, its row included (the analysis process and the tests use it). */
export async function analyzeInProcess(
  actor: Actor,
  inputs: AsyncIterable<TrafficInput> | Iterable<TrafficInput>,
  options: AnalyzeOptions,
): Promise<AnalysisSummary> {
  assertCan(actor, "idempotency.analyze");
  const analysis = await db().idempotencyAnalysis.create({
    data: {
      kind: options.kind,
      source: head(options.source ?? ""),
      status: "running",
      createdBy: actorLabel(actor),
      createdById: ownerOf(actor),
    },
  });
  try {
    return await runAnalysis(analysis.id, actor, inputs, options);
  } catch (err) {
    await db()
      .idempotencyAnalysis.delete({ where: { id: analysis.id } })
      .catch(() => undefined);
    throw err;
  }
}

export function actorLabel(actor: Actor): string {
  return actor === "system" ? "system (ops CLI)" : actor.label;
}
