// A streaming scanner for HAR documents: finds `log.entries` and hands out each entry's JSON text as soon as its
// closing brace arrives, so a HAR of any size is read one entry at a time. It tracks only nesting depth, string
// state and the keys of the two outer objects; everything else (pages, creator, custom `_fields`) is skipped
// without being parsed. Strings are skipped with Buffer.indexOf, which is where HAR files spend their bytes.
// Everything it keeps is bounded: nesting (MAX_DEPTH, a counter and three fixed frames), the keys it reads
// (MAX_KEY_BYTES), an entry (maxEntryBytes) and what lies outside the entries (maxOutsideBytes).
import { ReadStopError } from "@/lib/idempotency/input/stops";

/** Nesting of the whole document, entries included (real HARs nest about 6 levels). */
export const MAX_DEPTH = 64;
/** A key of the two outer objects (`log`, `entries`, `pages`, …). */
export const MAX_KEY_BYTES = 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const MB = 1024 * 1024;

export type HarScannerLimits = { maxEntryBytes: number; maxOutsideBytes: number };

export class HarScanner {
  private depth = 0;
  private inString = false;
  /** The string's next byte is escaped (a backslash ended the previous chunk). */
  private escaped = false;
  // Frames of depth 1 and 2 (index 0 unused), the only ones whose keys matter: the current key, whether a key
  // comes next, whether the frame is an object.
  private readonly keys: (string | null)[] = [null, null, null];
  private readonly expectKey: boolean[] = [false, false, false];
  private readonly isObject: boolean[] = [false, false, false];
  private keyParts: Buffer[] | null = null;
  private keyBytes = 0;
  private entriesDepth = -1;
  private sawEntries = false;
  private capture: Buffer[] | null = null;
  private captureBytes = 0;
  private outsideBytes = 0;
  /** Bytes of the chunks before the current one: positions in messages. */
  private offset = 0;
  private done = false;
  private started = false;
  /** Entries handed out so far. */
  entries = 0;

  constructor(private readonly limits: HarScannerLimits) {}

  /** Why reading stopped inside the last chunk, raised once the entries finished before it were handed out. */
  private failure: ReadStopError | null = null;

  /**
   * Scans one chunk; returns the complete entries it finished, as UTF-8 buffers. When reading stops inside the
   * chunk, the entries finished before that point are still returned; the next call (or end()) throws why.
   */
  push(chunk: Buffer): Buffer[] {
    if (this.failure) throw this.failure;
    const out: Buffer[] = [];
    try {
      this.scan(chunk, out);
    } catch (err) {
      if (!(err instanceof ReadStopError) || out.length === 0) throw err;
      this.failure = err;
    }
    return out;
  }

  private scan(chunk: Buffer, out: Buffer[]): void {
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    let captureFrom = this.capture ? 0 : -1;
    let captured = 0;
    // A key of the two outer objects being read starts here (0 when it began in an earlier chunk).
    let keyStart = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.inString) {
        const end = this.skipString(chunk, i);
        if (this.keyParts) {
          const part = this.inString ? Buffer.from(chunk.subarray(keyStart, n)) : chunk.subarray(keyStart, end - 1);
          this.keyBytes += part.length;
          if (this.keyBytes > MAX_KEY_BYTES) {
            throw this.stop("har_name_too_long", { kb: MAX_KEY_BYTES / 1024, byte: this.offset + keyStart });
          }
          this.keyParts.push(part);
          if (!this.inString) this.finishKey();
        }
        i = end;
        continue;
      }
      const c = chunk[i] as number;
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.depth <= 2 && this.depth >= 1 && this.isObject[this.depth] && this.expectKey[this.depth]) {
            this.keyParts = [];
            this.keyBytes = 0;
            keyStart = i + 1;
          }
          break;
        case OPEN_OBJ:
        case OPEN_ARR: {
          if (this.done) throw this.stop("har_after_document");
          if (this.depth === 0 && c !== OPEN_OBJ) throw this.notHar();
          if (this.depth >= MAX_DEPTH) throw this.stop("har_too_deep", { depth: MAX_DEPTH, byte: this.offset + i });
          this.depth++;
          if (this.depth <= 2) {
            this.isObject[this.depth] = c === OPEN_OBJ;
            this.expectKey[this.depth] = c === OPEN_OBJ;
            this.keys[this.depth] = null;
          }
          if (this.depth === 3 && c === OPEN_ARR && this.keys[1] === "log" && this.keys[2] === "entries") {
            this.entriesDepth = 3;
            this.sawEntries = true;
          } else if (this.entriesDepth > 0 && this.depth === this.entriesDepth + 1) {
            if (c !== OPEN_OBJ) throw this.stop("entry_not_object", { entry: this.entries + 1 }, this.entries + 1);
            this.capture = [];
            this.captureBytes = 0;
            captureFrom = i;
          }
          break;
        }
        case CLOSE_OBJ:
        case CLOSE_ARR:
          if (this.depth === 0) throw this.notHar();
          if (this.capture && this.depth === this.entriesDepth + 1) {
            this.capture.push(chunk.subarray(captureFrom, i + 1));
            captured += i + 1 - captureFrom;
            out.push(this.capture.length === 1 ? (this.capture[0] as Buffer) : Buffer.concat(this.capture));
            this.entries++;
            this.capture = null;
            captureFrom = -1;
          }
          if (this.depth === this.entriesDepth) this.entriesDepth = -1;
          this.depth--;
          if (this.depth === 0) this.done = true;
          break;
        case COLON:
          if (this.depth <= 2) this.expectKey[this.depth] = false;
          break;
        case COMMA:
          if (this.depth <= 2 && this.isObject[this.depth]) this.expectKey[this.depth] = true;
          break;
        case 0x20:
        case 0x0a:
        case 0x0d:
        case 0x09:
          break;
        default:
          if (this.depth === 0) throw this.notHar();
      }
      i++;
    }
    if (this.capture && captureFrom >= 0) {
      const rest = chunk.subarray(captureFrom);
      captured += rest.length;
      this.captureBytes += rest.length;
      if (this.captureBytes > this.limits.maxEntryBytes) {
        const entry = this.entries + 1;
        throw this.stop("entry_too_large", { entry, mb: Math.round(this.limits.maxEntryBytes / MB) }, entry);
      }
      // Copied: the caller may reuse the chunk's memory once push returns.
      this.capture.push(Buffer.from(rest));
    }
    // Pages, creator, comments and custom fields are skipped, not kept, but they still cost reading: bounded too.
    this.outsideBytes += n - captured;
    if (this.outsideBytes > this.limits.maxOutsideBytes) {
      throw this.stop("har_outside_too_large", { mb: Math.round(this.limits.maxOutsideBytes / MB) });
    }
    this.offset += n;
  }

  /** After the last chunk: throws when the document is cut off or has no entries array. */
  end(): void {
    if (this.failure) throw this.failure;
    if (!this.started) throw this.stop("empty", {}, 0);
    if (this.depth > 0 || this.inString) {
      if (this.capture) throw this.stop("har_cut_off_entry", { entry: this.entries + 1 }, this.entries + 1);
      throw this.stop("har_cut_off");
    }
    if (!this.sawEntries) throw this.stop("har_no_entries", {}, 0);
  }

  /** Reading stops at `entry` (1-based; by default the last one read). */
  private stop(code: ConstructorParameters<typeof ReadStopError>[0], params = {}, entry = this.entries) {
    return new ReadStopError(code, params, { entry });
  }

  private notHar(): ReadStopError {
    return this.entries > 0 ? this.stop("har_after_entry", { entry: this.entries }) : this.stop("har_not_object");
  }

  /** Advances past the rest of a string starting at i; returns the index after its closing quote (or n). */
  private skipString(chunk: Buffer, i: number): number {
    const n = chunk.length;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    for (;;) {
      if (i >= n) return n;
      const q = chunk.indexOf(QUOTE, i);
      if (q < 0) {
        // A backslash run at the end escapes the first byte of the next chunk when its length is odd.
        let run = 0;
        for (let j = n - 1; j >= i && chunk[j] === BACKSLASH; j--) run++;
        this.escaped = run % 2 === 1;
        return n;
      }
      let run = 0;
      for (let j = q - 1; j >= i && chunk[j] === BACKSLASH; j--) run++;
      if (run % 2 === 0) {
        this.inString = false;
        return q + 1;
      }
      i = q + 1;
    }
  }

  private finishKey(): void {
    const parts = this.keyParts ?? [];
    this.keyParts = null;
    let key: string | null = null;
    try {
      key = JSON.parse(`"${Buffer.concat(parts).toString("utf8")}"`) as string;
    } catch {
      key = null;
    }
    this.keys[this.depth] = key;
  }
}
