// A fixed-size Bloom filter over strings: "was this ever evicted from memory?" in constant memory, whatever the
// number of keys. A false "maybe" only costs one needless database lookup; a "no" is always right.
//
// Blocked: all of a string's bits lie in one 64-byte block (a cache line), so a lookup in a filter of megabytes
// costs one cache miss instead of one per bit; one pass over the string gives both hashes. At the same size its
// false positives rise only slightly (measured at 7 million entries in 8 MB: 1.5 %, where unblocked
// filters get about 1.3 %).
import { hashText, lane } from "@/lib/idempotency/hash";

const BLOCK_WORDS = 16; // 16 × 32 bits = 512 bits = 64 bytes
const SEED = 0x2545f491;

export class BloomFilter {
  private readonly bits: Int32Array;
  private readonly blockMask: number;
  private added = 0;

  /** `log2Bits` 26 → 64 Mbit (8 MB): about 1.5 % false positives at 7 million entries with 4 hashes. */
  constructor(
    log2Bits = 26,
    private readonly hashes = 4,
  ) {
    this.bits = new Int32Array(2 ** (log2Bits - 5));
    this.blockMask = 2 ** (log2Bits - 9) - 1;
  }

  add(s: string): void {
    const block = (hashText(s, SEED) & this.blockMask) * BLOCK_WORDS;
    const b = lane.b;
    // Positions within the block by double hashing from lane B's two halves.
    const step = (b >>> 16) | 1;
    for (let i = 0; i < this.hashes; i++) {
      const p = (b + Math.imul(i, step)) & 511;
      const w = block + (p >>> 5);
      this.bits[w] = (this.bits[w] as number) | (1 << (p & 31));
    }
    this.added++;
  }

  mightContain(s: string): boolean {
    if (this.added === 0) return false;
    const block = (hashText(s, SEED) & this.blockMask) * BLOCK_WORDS;
    const b = lane.b;
    const step = (b >>> 16) | 1;
    for (let i = 0; i < this.hashes; i++) {
      const p = (b + Math.imul(i, step)) & 511;
      if (((this.bits[block + (p >>> 5)] as number) & (1 << (p & 31))) === 0) return false;
    }
    return true;
  }
}
