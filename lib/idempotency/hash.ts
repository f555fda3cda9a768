// A fast 64-bit hash of strings for the checker's in-memory structures (body fingerprints, Bloom filters): two
// independent 32-bit lanes computed in one pass, without allocating. Not cryptographic; nothing outside one
// analysis ever sees it.

/**
 * MurmurHash3's finaliser: every input bit affects every output bit. Lanes are kept as signed 32-bit integers,
 * which V8 holds without allocating (unsigned ones above 2^31 would each be a heap number).
 */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The second lane of the value last hashed (the first is the return value): two numbers without an allocation. */
export const lane = { b: 0 };

/** Hashes `s` (with `tag` telling kinds of text apart); returns lane A and leaves lane B in `lane.b`. */
export function hashText(s: string, tag: number): number {
  let a = 0x811c9dc5 ^ tag;
  let b = 0x9747b28c ^ Math.imul(tag, 0x9e3779b1);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  lane.b = fmix(b ^ s.length);
  return fmix(a ^ s.length);
}
