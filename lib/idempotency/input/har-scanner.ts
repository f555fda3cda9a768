// A streaming scanner for HAR documents: finds `log.entries` and hands out each entry's JSON text as soon as its
// closing brace arrives, so a HAR of any size is read one entry at a time. It tracks only nesting depth, string
// state and the keys of the two outer objects; everything else (pages, creator, custom `_fields`) is skipped
// without being parsed. Strings are skipped with Buffer.indexOf, which is where HAR files spend their bytes.

export class HarFormatError extends Error {
  constructor(
    message: string,
    /** The entry being read (1-based) when reading stopped, or the last one read. */
    readonly entry: number,
  ) {
    super(message);
    this.name = "HarFormatError";
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

export class HarScanner {
  private depth = 0;
  private inString = false;
  /** The string's next byte is escaped (a backslash ended the previous chunk). */
  private escaped = false;
  /** Object frames at depth 1 and 2: the current key, and whether a key comes next. */
  private readonly keys: (string | null)[] = [null, null, null];
  private readonly expectKey: boolean[] = [false, false, false];
  private readonly isObject: boolean[] = [];
  private keyParts: Buffer[] | null = null;
  private entriesDepth = -1;
  private sawEntries = false;
  private capture: Buffer[] | null = null;
  private captureBytes = 0;
  private done = false;
  private started = false;
  /** Entries handed out so far. */
  entries = 0;

  constructor(private readonly maxEntryBytes: number) {}

  /** Scans one chunk; returns the complete entries it finished, as UTF-8 buffers. */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    let captureFrom = this.capture ? 0 : -1;
    // A key of the two outer objects being read starts here (0 when it began in an earlier chunk).
    let keyStart = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.inString) {
        const end = this.skipString(chunk, i);
        if (this.keyParts) {
          if (this.inString) this.keyParts.push(Buffer.from(chunk.subarray(keyStart, n)));
          else {
            this.keyParts.push(chunk.subarray(keyStart, end - 1));
            this.finishKey();
          }
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
            keyStart = i + 1;
          }
          break;
        case OPEN_OBJ:
        case OPEN_ARR: {
          if (this.done) throw new HarFormatError("unexpected content after the HAR document", this.entries);
          if (this.depth === 0 && c !== OPEN_OBJ) throw this.notHar();
          this.depth++;
          this.isObject[this.depth] = c === OPEN_OBJ;
          if (this.depth <= 2) {
            this.expectKey[this.depth] = c === OPEN_OBJ;
            this.keys[this.depth] = null;
          }
          if (this.depth === 3 && c === OPEN_ARR && this.keys[1] === "log" && this.keys[2] === "entries") {
            this.entriesDepth = 3;
            this.sawEntries = true;
          } else if (this.entriesDepth > 0 && this.depth === this.entriesDepth + 1) {
            if (c !== OPEN_OBJ)
              throw new HarFormatError(`entry ${this.entries + 1} is not an object`, this.entries + 1);
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
      this.captureBytes += rest.length;
      if (this.captureBytes > this.maxEntryBytes) {
        throw new HarFormatError(
          `entry ${this.entries + 1} is larger than ${Math.round(this.maxEntryBytes / 1024 / 1024)} MB`,
          this.entries + 1,
        );
      }
      // Copied: the caller may reuse the chunk's memory once push returns.
      this.capture.push(Buffer.from(rest));
    }
    return out;
  }

  /** After the last chunk: throws when the document is cut off or has no entries array. */
  end(): void {
    if (!this.started) throw new HarFormatError("the file is empty", 0);
    if (this.depth > 0 || this.inString) {
      throw new HarFormatError(
        this.capture
          ? `the file ends inside entry ${this.entries + 1} (cut off)`
          : "the file ends before the HAR document is complete (cut off)",
        this.capture ? this.entries + 1 : this.entries,
      );
    }
    if (!this.sawEntries) throw new HarFormatError("not a HAR file: there is no log.entries array", 0);
  }

  private notHar(): HarFormatError {
    return new HarFormatError(
      this.entries > 0
        ? `unexpected content after entry ${this.entries}`
        : "not a HAR file: it does not start with a JSON object",
      this.entries,
    );
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
