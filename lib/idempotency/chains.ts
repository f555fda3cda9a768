// Retry chains: the requests of one logical operation. Two requests belong together when they go to the same
// endpoint with the same merchant account + merchant reference (how the legacy framework identified a
// transaction) or carry the same Idempotency-Key; chains join through either link. Open chains are kept in
// memory while active (up to a cap, least recently touched first out); a chain leaving memory is final and its
// rules run.
import { BloomFilter } from "@/lib/idempotency/bloom";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

/** Attempts kept per chain: a merchant reference reused thousands of times is not one retry chain anyway. */
export const MAX_ATTEMPTS_KEPT = 500;

export type Chain = {
  no: number;
  attempts: RequestRecord[];
  /** Attempts beyond MAX_ATTEMPTS_KEPT, counted only. */
  dropped: number;
  links: string[];
  /** Time of its latest attempt (epoch ms), for closing chains that have gone quiet. */
  lastAt: number | null;
  /** Request findings of its attempts, written with the chain's final number. */
  pending: FindingDraft[];
};

// Array literals of their final length: an array grown by push gets room for 17 elements, and these are kept for
// as long as their chain is open.
// A key links by itself (the very string its record holds, so no new string is made per request), unless it holds
// a NUL (then "k" NUL key); a merchant reference links as NUL endpoint NUL account NUL reference. The two kinds
// never meet: only the second starts with a NUL, and only a key with a NUL in it starts with "k" NUL.
export function linksOf(r: RequestRecord): string[] {
  const byAccount =
    r.reference === null ? null : `\u0000${r.endpoint}\u0000${r.merchantAccount ?? ""}\u0000${r.reference}`;
  const byKey = r.key === null ? null : r.key.includes("\u0000") ? `k\u0000${r.key}` : r.key;
  if (byAccount === null) return byKey === null ? [] : [byKey];
  return byKey === null ? [byAccount] : [byAccount, byKey];
}

export class ChainTracker {
  private readonly open = new Map<number, Chain>();
  private readonly byLink = new Map<string, Chain>();
  private readonly closedLinks = new BloomFilter(24);
  private nextNo = 1;
  /** Chains formed (after merges). */
  count = 0;
  /** Requests that link to a chain already closed: analysed as a new chain (see README). */
  lateAttempts = 0;

  constructor(
    private readonly onClose: (chain: Chain) => void,
    private readonly cap = 10_000,
  ) {}

  add(r: RequestRecord, findings: FindingDraft[]): Chain {
    const links = linksOf(r);
    let chain: Chain | undefined;
    for (const link of links) {
      const found = this.byLink.get(link);
      if (!found || found === chain) continue;
      chain = chain ? this.merge(chain, found) : found;
    }
    if (!chain) {
      if (links.some((l) => this.closedLinks.mightContain(l))) this.lateAttempts++;
      // A new chain takes this request's links and findings as they are (arrays of their final length).
      chain = { no: this.nextNo++, attempts: [r], dropped: 0, links, pending: findings, lastAt: r.at };
      this.count++;
      for (const link of links) this.byLink.set(link, chain);
    } else {
      this.open.delete(chain.no);
      for (const link of links) {
        if (this.byLink.get(link) !== chain) {
          this.byLink.set(link, chain);
          chain.links.push(link);
        }
      }
      if (r.at !== null && (chain.lastAt === null || r.at > chain.lastAt)) chain.lastAt = r.at;
      if (chain.attempts.length < MAX_ATTEMPTS_KEPT) chain.attempts.push(r);
      else chain.dropped++;
      for (const f of findings) chain.pending.push(f);
    }
    this.open.set(chain.no, chain);
    if (this.open.size > this.cap) this.closeOldest(Math.ceil(this.cap / 10));
    return chain;
  }

  /** The smaller chain joins the larger one; the larger keeps its number. */
  private merge(a: Chain, b: Chain): Chain {
    const [big, small] = a.attempts.length >= b.attempts.length ? [a, b] : [b, a];
    for (const attempt of small.attempts) {
      if (big.attempts.length < MAX_ATTEMPTS_KEPT) big.attempts.push(attempt);
      else big.dropped++;
    }
    big.dropped += small.dropped;
    if (small.lastAt !== null && (big.lastAt === null || small.lastAt > big.lastAt)) big.lastAt = small.lastAt;
    for (const f of small.pending) big.pending.push(f);
    for (const link of small.links) {
      this.byLink.set(link, big);
      big.links.push(link);
    }
    this.open.delete(small.no);
    this.count--;
    return big;
  }

  private closeOldest(n: number): void {
    for (const chain of this.open.values()) {
      if (n-- <= 0) break;
      this.close(chain);
    }
  }

  private close(chain: Chain): void {
    this.open.delete(chain.no);
    for (const link of chain.links) {
      if (this.byLink.get(link) === chain) this.byLink.delete(link);
      this.closedLinks.add(link);
    }
    this.onClose(chain);
  }

  /**
   * Closes the chains whose latest attempt is more than `idleMs` before `now` (the latest time seen in the file),
   * oldest touched first, stopping at the first one still active: in a log in time order, a chain quiet for
   * hours is finished, and closing it early keeps memory to the traffic of the last hours.
   */
  closeIdle(now: number, idleMs: number): void {
    for (const chain of this.open.values()) {
      if (chain.lastAt === null || chain.lastAt >= now - idleMs) break;
      this.close(chain);
    }
  }

  closeAll(): void {
    for (const chain of [...this.open.values()]) this.close(chain);
  }
}
