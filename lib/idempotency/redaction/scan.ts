// The patterns of redaction as single left-to-right scans: every character is looked at a bounded number of times,
// whatever the text (regular expressions with open quantifiers, such as the e-mail pattern this replaces, retried
// every start position and took 23 s for one 80 KB URL). Each finder returns the spans to replace, in order.

export type Span = { start: number; end: number };

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number) => isDigit(c) || isAlpha(c);
// . _ % + -
const isLocal = (c: number) => isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
const isDomain = (c: number) => isAlnum(c) || c === 0x2e || c === 0x2d;
// [A-Za-z0-9_-]
const isB64Url = (c: number) => isAlnum(c) || c === 0x5f || c === 0x2d;
// [A-Za-z0-9._-]
const isJwtPart = (c: number) => isB64Url(c) || c === 0x2e;
// [A-Za-z0-9+/=$_-]
const isCseBlob = (c: number) =>
  isAlnum(c) || c === 0x2b || c === 0x2f || c === 0x3d || c === 0x24 || c === 0x5f || c === 0x2d;

/** An address's local part has at most 64 characters, its domain at most 255 (RFC 5321). */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;

/** Runs of `accepts` from `from`, at most up to `limit`; returns the index after the run. */
function runEnd(text: string, from: number, limit: number, accepts: (c: number) => boolean): number {
  let i = from;
  while (i < limit && accepts(text.charCodeAt(i))) i++;
  return i;
}

/**
 * E-mail addresses: local part, `@`, a domain whose last dot is followed by two or more letters. Each `@` looks at
 * most 64 characters back (never into the previous address) and its domain run forward; domain runs hold no `@`,
 * so no character is scanned forward twice.
 */
export function findEmails(text: string): Span[] {
  const out: Span[] = [];
  let floor = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", Math.max(at + 1, floor))) {
    let start = at;
    const lowest = Math.max(floor, at - MAX_LOCAL);
    while (start > lowest && isLocal(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    const domainEnd = runEnd(text, at + 1, Math.min(text.length, at + 1 + MAX_DOMAIN), isDomain);
    // The last dot followed by two letters, with something before it.
    let end = -1;
    for (let d = domainEnd - 3; d > at + 1; d--) {
      if (text.charCodeAt(d) === 0x2e && isAlpha(text.charCodeAt(d + 1)) && isAlpha(text.charCodeAt(d + 2))) {
        end = runEnd(text, d + 1, domainEnd, isAlpha);
        break;
      }
    }
    if (end < 0) {
      floor = domainEnd;
      continue;
    }
    out.push({ start, end });
    floor = end;
  }
  return out;
}

/**
 * Adyen's client-side encryption output (`adyenjs_<version>$<blob>`) and JWT-like tokens (`eyJ<10+>.<10+>`).
 * A failed candidate is skipped to where its run ended: a later candidate inside that run would end the same way.
 */
export function findEncrypted(text: string): Span[] {
  const out: Span[] = [];
  let cse = text.indexOf("adyenjs_");
  let jwt = text.indexOf("eyJ");
  let pos = 0;
  while (cse >= 0 || jwt >= 0) {
    const isCse = cse >= 0 && (jwt < 0 || cse < jwt);
    const p = isCse ? cse : jwt;
    let next: number;
    if (isCse) {
      const version = runEnd(text, p + 8, text.length, (c) => isDigit(c) || c === 0x5f);
      const blobEnd =
        version > p + 8 && text.charCodeAt(version) === 0x24 ? runEnd(text, version + 1, text.length, isCseBlob) : -1;
      if (blobEnd > version + 1) {
        out.push({ start: p, end: blobEnd });
        next = blobEnd;
      } else next = Math.max(version, p + 1);
    } else {
      const head = runEnd(text, p + 3, text.length, isB64Url);
      const tail =
        head - (p + 3) >= 10 && text.charCodeAt(head) === 0x2e ? runEnd(text, head + 1, text.length, isJwtPart) : -1;
      if (tail - (head + 1) >= 10) {
        out.push({ start: p, end: tail });
        next = tail;
      } else next = Math.max(head, p + 1);
    }
    pos = next;
    if (cse >= 0 && cse < pos) cse = text.indexOf("adyenjs_", pos);
    if (jwt >= 0 && jwt < pos) jwt = text.indexOf("eyJ", pos);
  }
  return out;
}

/** The text with each span replaced by `marker` (spans in order, not overlapping). */
export function replaceSpans(text: string, spans: Span[], marker: string): string {
  if (spans.length === 0) return text;
  let out = "";
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start) + marker;
    last = s.end;
  }
  return out + text.slice(last);
}
