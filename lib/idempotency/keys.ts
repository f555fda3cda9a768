// Per-key memory for the key rules, bounded: the most recently used keys stay in a Map; older ones are written
// to a spill store (the database) and remembered in a Bloom filter, so a key seen again days later in a big log
// is found again without keeping every key in memory.
import { BloomFilter } from "@/lib/idempotency/bloom";
import { keyNotUuidV4 } from "@/lib/idempotency/findings/key-not-uuid-v4";
import { keyReusedAcrossRegions } from "@/lib/idempotency/findings/key-reused-across-regions";
import { keyReusedDifferentBody } from "@/lib/idempotency/findings/key-reused-different-body";
import { REPORTED, type KeyState } from "@/lib/idempotency/findings/key-state";
import { keyTooLong } from "@/lib/idempotency/findings/key-too-long";
import { retryAfterKeyExpiry } from "@/lib/idempotency/findings/retry-after-key-expiry";
import { describeOrigin } from "@/lib/idempotency/evidence";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export type KeySpill = {
  /** Takes back the states of these keys that are in the store (they leave it: memory holds them again). */
  load(keys: string[]): Promise<Map<string, KeyState>>;
  /** Stores states of keys that are not in the store. */
  save(entries: [string, KeyState][]): Promise<void>;
};

export class KeyTracker {
  private readonly live = new Map<string, KeyState>();
  /** Evicted, not yet written: still answers lookups until the write is done. */
  private pending = new Map<string, KeyState>();
  private readonly evicted = new BloomFilter();
  private writing: Promise<void> = Promise.resolve();
  distinct = 0;

  constructor(
    private readonly spill: KeySpill,
    private readonly cap = 20_000,
  ) {}

  /** Whether `observe` needs `prefetch` first for this key (it was spilled, or may have been). */
  mayNeedLoad(key: string): boolean {
    return !this.live.has(key) && (this.pending.has(key) || this.evicted.mightContain(key));
  }

  /** Brings back the states of these keys that were spilled earlier; call before `observe` for them. */
  async prefetch(keys: Iterable<string>): Promise<void> {
    const wanted: string[] = [];
    for (const k of keys) {
      if (this.live.has(k)) continue;
      const p = this.pending.get(k);
      if (p) {
        this.pending.delete(k);
        this.live.set(k, p);
      } else if (this.evicted.mightContain(k)) wanted.push(k);
    }
    if (wanted.length === 0) return;
    await this.writing;
    for (const [k, state] of await this.spill.load([...new Set(wanted)])) this.live.set(k, state);
  }

  /** The key findings this request causes, updating what is known of its key. */
  observe(r: RequestRecord): FindingDraft[] {
    const key = r.key;
    if (key === null) return [];
    const out: FindingDraft[] = [];
    let state = this.live.get(key);
    if (!state) {
      this.distinct++;
      state = {
        firstAt: r.at,
        firstWhere: describeOrigin(r.origin),
        fingerprint: r.fingerprint,
        regions: [r.region],
        reported: 0,
      };
      push(out, keyTooLong(r));
      push(out, keyNotUuidV4(r));
    } else {
      this.live.delete(key);
      if (state.fingerprint === null) state.fingerprint = r.fingerprint;
      else if (push(out, keyReusedDifferentBody(state, r))) state.reported |= REPORTED.differentBody;
      if (push(out, keyReusedAcrossRegions(state, r))) state.reported |= REPORTED.acrossRegions;
      if (!state.regions.includes(r.region)) state.regions.push(r.region);
      push(out, retryAfterKeyExpiry(state, r));
      if (r.at !== null && (state.firstAt === null || r.at < state.firstAt)) state.firstAt = r.at;
    }
    // Re-inserted last: Map order is then least recently used first.
    this.live.set(key, state);
    if (this.live.size > this.cap) this.evictOldest(Math.ceil(this.cap / 10));
    return out;
  }

  private evictOldest(n: number): void {
    for (const [k, state] of this.live) {
      if (n-- <= 0) break;
      this.live.delete(k);
      this.pending.set(k, state);
      this.evicted.add(k);
    }
  }

  /** Writes evicted keys; at most one write in flight, so memory stays at about one batch. */
  async flush(force = false): Promise<void> {
    // Batches of half the cap (10,000 keys by default): few, large writes.
    if (this.pending.size === 0 || (!force && this.pending.size < this.cap / 2)) return;
    await this.writing;
    const batch = [...this.pending];
    this.pending = new Map();
    this.writing = this.spill.save(batch);
    // Handled here so a failed write never surfaces as an unhandled rejection; the next await rethrows it.
    this.writing.catch(() => undefined);
    if (force) await this.writing;
  }

  async settle(): Promise<void> {
    await this.writing;
  }
}

function push(out: FindingDraft[], d: FindingDraft | null): boolean {
  if (d) out.push(d);
  return d !== null;
}

/** A spill store in memory, for tests (and small analyses that never evict). */
export function memorySpill(): KeySpill & { rows: Map<string, KeyState> } {
  const rows = new Map<string, KeyState>();
  return {
    rows,
    load: async (keys) => {
      const out = new Map<string, KeyState>();
      for (const k of keys) {
        const state = rows.get(k);
        if (state === undefined) continue;
        out.set(k, state);
        rows.delete(k);
      }
      return out;
    },
    save: async (entries) => {
      for (const [k, s] of entries) {
        if (rows.has(k)) throw new Error(`key ${k} is already in the spill`);
        rows.set(k, structuredClone(s));
      }
    },
  };
}
