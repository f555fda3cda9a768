// The analysis of a stream of exchanges, with I/O injected: which requests are Adyen's, the rules per request,
// per key and per chain, readiness and daily counts. Memory is bounded by the open-chain and key caps, never by
// the size of the input; findings and chains leave for the sink in batches, a few writes in flight at a time.
import { ChainTracker, type Chain } from "@/lib/idempotency/chains";
import { emptyCounts, type FindingCode, type FindingCounts } from "@/lib/idempotency/codes";
import { DailyTally } from "@/lib/idempotency/daily";
import { evidenceOf } from "@/lib/idempotency/evidence";
import { sortedBy } from "@/lib/idempotency/findings/draft";
import { duplicateInFlight } from "@/lib/idempotency/findings/duplicate-in-flight";
import { keyChangedOnRetry } from "@/lib/idempotency/findings/key-changed-on-retry";
import { legacyPragmaRetry } from "@/lib/idempotency/findings/legacy-pragma-retry";
import { missingIdempotencyKey } from "@/lib/idempotency/findings/missing-idempotency-key";
import { processRetryItems, processRetryWebhook } from "@/lib/idempotency/findings/process-retry-webhook";
import { retriesOfNonTransientErrors } from "@/lib/idempotency/findings/retry-of-non-transient-error";
import { retryWithoutBackoff } from "@/lib/idempotency/findings/retry-without-backoff";
import { EvidenceBudget } from "@/lib/idempotency/evidence-budget";
import { HeapGuard } from "@/lib/idempotency/heap-guard";
import { KeyTracker, type KeySpill } from "@/lib/idempotency/keys";
import { classifyUrl, type AdyenTarget, type ExtraHosts } from "@/lib/idempotency/normalize";
import { isInScope, ReadinessTally } from "@/lib/idempotency/readiness";
import { recordOf } from "@/lib/idempotency/record";
import type { Evidence, Exchange, Finding, FindingDraft } from "@/lib/idempotency/types";

/** A chain as stored: only chains of two or more attempts (a single request is no retry). */
export type ChainRow = {
  no: number;
  endpoint: string;
  merchantAccount: string | null;
  reference: string | null;
  region: string;
  client: string | null;
  firstAt: number | null;
  lastAt: number | null;
  attemptCount: number;
  keyCount: number;
  codes: FindingCode[];
  attempts: Evidence[];
};

export type AnalysisSink = {
  findings(rows: Finding[]): Promise<void>;
  chains(rows: ChainRow[]): Promise<void>;
};

export type AnalyzerOptions = {
  extraHosts?: ExtraHosts;
  chainCap?: number;
  keyCap?: number;
  /** Findings stored with their evidence, and chain rows stored, at most (counts stay exact beyond). */
  maxEvidence?: number;
};

const CHECK_EVERY = 500;
/** Attempts of one operation more than this apart in log time are analysed as separate chains. */
export const CHAIN_IDLE_MS = 6 * 60 * 60 * 1000;
// Rows per statement: fewer, larger statements cost the database and the driver less per row (100 → 400 measured
// about 12 % faster); a batch of findings with their evidence is about a megabyte of JSON.
const WRITE_BATCH = 400;
/** Batch writes under way at once (the checker's pool has four connections; the key spill uses one). */
const WRITES_IN_FLIGHT = 3;
/** Attempts shown on a chain's timeline. */
const ATTEMPTS_STORED = 100;

export class Analyzer {
  readonly readiness = new ReadinessTally();
  entries = 0;
  adyenRequests = 0;
  private readonly keys: KeyTracker;
  private readonly chains: ChainTracker;
  private findingBuf: { draft: FindingDraft; chainNo: number | null }[] = [];
  private chainBuf: ChainRow[] = [];
  /** Batches being written, oldest first. */
  private writing: Promise<void>[] = [];
  private readonly extraHosts: ExtraHosts;
  private readonly heap = new HeapGuard();
  readonly evidence: EvidenceBudget;
  private readonly maxChainRows: number;
  private chainRows = 0;

  constructor(
    spill: KeySpill,
    private readonly sink: AnalysisSink,
    options: AnalyzerOptions = {},
  ) {
    this.extraHosts = options.extraHosts ?? new Map();
    this.evidence = new EvidenceBudget(options.maxEvidence ?? Infinity);
    this.maxChainRows = options.maxEvidence ?? Infinity;
    this.keys = new KeyTracker(spill, options.keyCap);
    this.chains = new ChainTracker((c) => this.closeChain(c), options.chainCap);
  }

  get counts(): FindingCounts {
    return { ...emptyCounts(), ...this.readiness.findings };
  }

  /**
   * Analyses one file's exchanges; `daily` collects that file's per-day counts. Each exchange is handled as it
   * arrives and then dropped (holding batches of them made V8 promote them and grow the heap); the loop waits
   * only for a spilled key to come back, and for the previous write when a new batch of rows is ready.
   */
  async analyze(exchanges: AsyncIterable<Exchange>, daily: DailyTally): Promise<void> {
    let n = 0;
    // The latest time seen in this file: chains quiet for CHAIN_IDLE_MS before it are finished.
    let now = -Infinity;
    for await (const x of exchanges) {
      const target = this.classify(x);
      const key = target ? x.requestHeaders["idempotency-key"] : undefined;
      if (key && this.keys.mayNeedLoad(key)) await this.keys.prefetch([key]);
      this.observe(x, target, daily);
      if (x.time !== null && x.time > now) now = x.time;
      if (++n % CHECK_EVERY === 0) {
        this.chains.closeIdle(now, CHAIN_IDLE_MS);
        await this.flush(false);
        this.heap.check();
      }
    }
  }

  /** Closes every open chain and writes what is left. */
  async finish(): Promise<{ chains: number; lateAttempts: number; distinctKeys: number }> {
    this.chains.closeAll();
    await this.flush(true);
    await this.keys.settle();
    return { chains: this.chains.count, lateAttempts: this.chains.lateAttempts, distinctKeys: this.keys.distinct };
  }

  /**
   * Logs repeat the same few URLs: classification is remembered per method and URL (bounded), and the exchange
   * takes the URL string remembered with it, so that the records kept for open chains share one copy of each URL
   * instead of each keeping the one its log line was parsed into.
   */
  private readonly targetCache = new Map<string, Map<string, { target: AdyenTarget | null; url: string }>>();
  private cachedTargets = 0;

  private classify(x: Exchange): AdyenTarget | null {
    let byUrl = this.targetCache.get(x.method);
    if (byUrl === undefined) this.targetCache.set(x.method, (byUrl = new Map()));
    let known = byUrl.get(x.url);
    if (known === undefined) {
      known = { target: classifyUrl(x.url, x.method, this.extraHosts), url: x.url };
      if (++this.cachedTargets > 10_000) {
        this.targetCache.clear();
        this.targetCache.set(x.method, (byUrl = new Map()));
        this.cachedTargets = 1;
      }
      byUrl.set(x.url, known);
    }
    x.url = known.url;
    return known.target;
  }

  private observe(x: Exchange, target: AdyenTarget | null, daily: DailyTally): void {
    this.entries++;
    if (x.requestBody !== undefined) {
      for (const n of processRetryItems(x.requestBody)) {
        this.emit(
          processRetryWebhook(n, { at: x.time, method: x.method, url: x.url, status: x.status, origin: x.origin }),
          null,
        );
      }
    }
    if (!target) return;
    this.adyenRequests++;
    const r = recordOf(x, target);
    const drafts: FindingDraft[] = [];
    for (const d of [legacyPragmaRetry(r), missingIdempotencyKey(r), duplicateInFlight(r)]) if (d) drafts.push(d);
    for (const d of this.keys.observe(r)) drafts.push(d);
    if (isInScope(r)) {
      this.readiness.addRequest(r);
      daily.add(r);
    }
    if (r.acceptsKey) this.chains.add(r, drafts);
    else for (const d of drafts) this.emit(d, null);
  }

  private emit(d: FindingDraft, chainNo: number | null): void {
    this.readiness.addFinding(d);
    if (this.evidence.take(d.code)) this.findingBuf.push({ draft: d, chainNo });
  }

  private closeChain(c: Chain): void {
    const attemptCount = c.attempts.length + c.dropped;
    // A single request is no retry chain: its findings stand alone and no chain row is stored.
    if (attemptCount < 2) {
      for (const d of c.pending) this.emit(d, null);
      return;
    }
    const drafts = [...c.pending];
    for (const d of [keyChangedOnRetry(c.attempts), retryWithoutBackoff(c.attempts)]) if (d) drafts.push(d);
    for (const d of retriesOfNonTransientErrors(c.attempts)) drafts.push(d);
    // Past the budget a chain is counted, not stored; its findings then point at no chain.
    const first = c.attempts[0];
    const stored = first !== undefined && this.chainRows < this.maxChainRows;
    for (const d of drafts) this.emit(d, stored ? c.no : null);
    if (!first || !stored) return;
    this.chainRows++;
    const times = c.attempts.map((a) => a.at).filter((t): t is number => t !== null);
    this.chainBuf.push({
      no: c.no,
      endpoint: first.endpoint,
      merchantAccount: first.merchantAccount,
      reference: c.attempts.find((a) => a.reference !== null)?.reference ?? null,
      region: first.region,
      client: first.client,
      firstAt: times.length ? Math.min(...times) : null,
      lastAt: times.length ? Math.max(...times) : null,
      attemptCount,
      keyCount: new Set(c.attempts.map((a) => a.key).filter((k) => k !== null)).size,
      codes: [...new Set(drafts.map((d) => d.code))],
      attempts: sortedBy(c.attempts, (a) => a.at ?? 0)
        .slice(0, ATTEMPTS_STORED)
        .map(evidenceOf),
    });
  }

  private async flush(force: boolean): Promise<void> {
    await this.keys.flush(force);
    if (!force && this.findingBuf.length < WRITE_BATCH && this.chainBuf.length < WRITE_BATCH) return;
    // A few batches in flight (on separate connections) so that the database's pauses do not stall the analysis;
    // memory stays at a few batches.
    while (this.writing.length >= WRITES_IN_FLIGHT) await this.writing.shift();
    // Field by field rather than an object rest and spread, which take V8's slow generic copy on every finding.
    const findings: Finding[] = this.findingBuf.map(({ draft: d, chainNo }) => ({
      code: d.code,
      at: d.at,
      endpoint: d.endpoint,
      merchantAccount: d.merchantAccount,
      region: d.region,
      client: d.client,
      idempotencyKey: d.idempotencyKey,
      detail: d.detail,
      evidence: d.evidence ?? d.records.map(evidenceOf),
      chainNo,
    }));
    const chains = this.chainBuf;
    this.findingBuf = [];
    this.chainBuf = [];
    // Chains first: a finding's chain row exists before the finding points at it (a chain and the findings that
    // point at it always leave in the same batch).
    const write = (async () => {
      if (chains.length) await this.sink.chains(chains);
      if (findings.length) await this.sink.findings(findings);
    })();
    // Handled here so a failed write never surfaces as an unhandled rejection; awaiting it rethrows it.
    write.catch(() => undefined);
    this.writing.push(write);
    if (force) while (this.writing.length) await this.writing.shift();
  }
}
