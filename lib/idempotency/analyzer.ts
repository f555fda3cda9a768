// The analysis of a stream of exchanges, with I/O injected: which requests are Adyen's, the rules per request,
// per key and per chain, readiness and daily counts. Memory is bounded by the open-chain and key caps, never by
// the size of the input; findings and chains leave for the sink in batches, one write in flight at a time.
import { ChainTracker, type Chain } from "@/lib/idempotency/chains";
import { emptyCounts, type FindingCode, type FindingCounts } from "@/lib/idempotency/codes";
import { DailyTally } from "@/lib/idempotency/daily";
import { evidenceOf } from "@/lib/idempotency/evidence";
import { duplicateInFlight } from "@/lib/idempotency/findings/duplicate-in-flight";
import { keyChangedOnRetry } from "@/lib/idempotency/findings/key-changed-on-retry";
import { legacyPragmaRetry } from "@/lib/idempotency/findings/legacy-pragma-retry";
import { missingIdempotencyKey } from "@/lib/idempotency/findings/missing-idempotency-key";
import { processRetryItems, processRetryWebhook } from "@/lib/idempotency/findings/process-retry-webhook";
import { retriesOfNonTransientErrors } from "@/lib/idempotency/findings/retry-of-non-transient-error";
import { retryWithoutBackoff } from "@/lib/idempotency/findings/retry-without-backoff";
import { KeyTracker, type KeySpill } from "@/lib/idempotency/keys";
import { classifyUrl, type AdyenTarget, type ExtraHosts } from "@/lib/idempotency/normalize";
import { isInScope, ReadinessTally } from "@/lib/idempotency/readiness";
import { recordOf } from "@/lib/idempotency/record";
import type { Evidence, Exchange, Finding, FindingDraft } from "@/lib/idempotency/types";

/** A chain as stored: for chains with two or more attempts, or any finding. */
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

export type AnalyzerOptions = { extraHosts?: ExtraHosts; chainCap?: number; keyCap?: number };

const BATCH = 1_000;
const WRITE_BATCH = 2_000;
/** Attempts shown on a chain's timeline. */
const ATTEMPTS_STORED = 100;

export class Analyzer {
  readonly readiness = new ReadinessTally();
  entries = 0;
  adyenRequests = 0;
  private readonly keys: KeyTracker;
  private readonly chains: ChainTracker;
  private findingBuf: Finding[] = [];
  private chainBuf: ChainRow[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly extraHosts: ExtraHosts;

  constructor(
    spill: KeySpill,
    private readonly sink: AnalysisSink,
    options: AnalyzerOptions = {},
  ) {
    this.extraHosts = options.extraHosts ?? new Map();
    this.keys = new KeyTracker(spill, options.keyCap);
    this.chains = new ChainTracker((c) => this.closeChain(c), options.chainCap);
  }

  get counts(): FindingCounts {
    return { ...emptyCounts(), ...this.readiness.findings };
  }

  /** Analyses one file's exchanges; `daily` collects that file's per-day counts. */
  async analyze(exchanges: AsyncIterable<Exchange>, daily: DailyTally): Promise<void> {
    let batch: Exchange[] = [];
    for await (const x of exchanges) {
      batch.push(x);
      if (batch.length >= BATCH) {
        await this.processBatch(batch, daily);
        batch = [];
      }
    }
    if (batch.length > 0) await this.processBatch(batch, daily);
  }

  /** Closes every open chain and writes what is left. */
  async finish(): Promise<{ chains: number; lateAttempts: number; distinctKeys: number }> {
    this.chains.closeAll();
    await this.flush(true);
    await this.keys.settle();
    return { chains: this.chains.count, lateAttempts: this.chains.lateAttempts, distinctKeys: this.keys.distinct };
  }

  private async processBatch(batch: Exchange[], daily: DailyTally): Promise<void> {
    const targets = batch.map((x) => classifyUrl(x.url, x.method, this.extraHosts));
    const keys: string[] = [];
    batch.forEach((x, i) => {
      const k = x.requestHeaders["idempotency-key"];
      if (targets[i] && k) keys.push(k);
    });
    await this.keys.prefetch(keys);
    batch.forEach((x, i) => this.observe(x, targets[i] ?? null, daily));
    await this.flush(false);
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
    this.findingBuf.push({ ...d, chainNo });
  }

  private closeChain(c: Chain): void {
    const drafts = [...c.pending];
    for (const d of [keyChangedOnRetry(c.attempts), retryWithoutBackoff(c.attempts)]) if (d) drafts.push(d);
    for (const d of retriesOfNonTransientErrors(c.attempts)) drafts.push(d);
    for (const d of drafts) this.emit(d, c.no);
    const attemptCount = c.attempts.length + c.dropped;
    if (attemptCount < 2 && drafts.length === 0) return;
    const first = c.attempts[0];
    if (!first) return;
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
      attempts: c.attempts
        .slice()
        .sort((a, b) => (a.at ?? 0) - (b.at ?? 0))
        .slice(0, ATTEMPTS_STORED)
        .map(evidenceOf),
    });
  }

  private async flush(force: boolean): Promise<void> {
    await this.keys.flush(force);
    if (!force && this.findingBuf.length < WRITE_BATCH && this.chainBuf.length < WRITE_BATCH) return;
    await this.writing;
    const findings = this.findingBuf;
    const chains = this.chainBuf;
    this.findingBuf = [];
    this.chainBuf = [];
    // Chains first: a finding's chain row exists before the finding points at it.
    this.writing = (async () => {
      if (chains.length) await this.sink.chains(chains);
      if (findings.length) await this.sink.findings(findings);
    })();
    // Handled here so a failed write never surfaces as an unhandled rejection; the next await rethrows it.
    this.writing.catch(() => undefined);
    if (force) await this.writing;
  }
}
