// A fixed-size Bloom filter over strings: "was this ever evicted from memory?" in constant memory, whatever the
// number of keys. A false "maybe" only costs one needless database lookup; a "no" is always right.

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private added = 0;

  /** `log2Bits` 26 → 64 Mbit (8 MB): about 1 % false positives at 7 million entries with 4 hashes. */
  constructor(
    log2Bits = 26,
    private readonly hashes = 4,
  ) {
    this.bits = new Uint32Array(2 ** (log2Bits - 5));
    this.mask = 2 ** log2Bits - 1;
  }

  // Double hashing (Kirsch–Mitzenmacher): k positions from two base hashes, without allocating.
  add(s: string): void {
    const a = fnv1a(s, 0x811c9dc5);
    const b = fnv1a(s, 0x9747b28c) | 1;
    for (let i = 0; i < this.hashes; i++) {
      const p = (a + Math.imul(i, b)) & this.mask;
      this.bits[p >>> 5] = (this.bits[p >>> 5] as number) | (1 << (p & 31));
    }
    this.added++;
  }

  mightContain(s: string): boolean {
    if (this.added === 0) return false;
    const a = fnv1a(s, 0x811c9dc5);
    const b = fnv1a(s, 0x9747b28c) | 1;
    for (let i = 0; i < this.hashes; i++) {
      const p = (a + Math.imul(i, b)) & this.mask;
      if (((this.bits[p >>> 5] as number) & (1 << (p & 31))) === 0) return false;
    }
    return true;
  }
}
