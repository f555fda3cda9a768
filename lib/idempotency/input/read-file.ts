// Reads one input file as a stream of exchanges: gzip recognised by its magic bytes, HAR or NDJSON recognised
// by content. Reading stops at the first thing that is not HAR or NDJSON, where the file is cut off, or where a
// limit is reached (size of a line or entry, nesting, decompressed size, expansion); what was read before is kept,
// and `result.stop` names the line or entry where it stopped and why.
import { decodedChunks, type DecodeStats } from "@/lib/idempotency/input/decode";
import { harEntryToExchange } from "@/lib/idempotency/input/har-entry";
import { HarScanner, MAX_DEPTH } from "@/lib/idempotency/input/har-scanner";
import { ndjsonLineToExchange } from "@/lib/idempotency/input/ndjson-exchange";
import { ReadStopError, type StopCode } from "@/lib/idempotency/input/stops";
import type { Exchange } from "@/lib/idempotency/types";

export type FileFormat = "har" | "ndjson";

export type ReadStop = {
  line?: number;
  entry?: number;
  code: StopCode;
  params: Record<string, number>;
  /** In English: what the API and the CLI print. */
  reason: string;
};

export type FileRead = DecodeStats & {
  name: string;
  format: FileFormat | null;
  /** Exchanges read (HAR entries, NDJSON lines that are HTTP exchanges). */
  entries: number;
  /** NDJSON lines that are JSON but not an exchange (a server's other log messages). */
  otherLines: number;
  stop: ReadStop | null;
};

export type ReadLimits = {
  maxContentBytes: number;
  /** A HAR entry (browsers keep the page's assets in them, base64). */
  maxEntryBytes: number;
  /** An NDJSON line: an exchange with its bodies (Adyen's requests and answers are a few KB). */
  maxLineBytes: number;
  /** Asked between lines and entries: a reason to stop reading (the analysis' time limit), or null. */
  shouldStop?: () => { code: StopCode; params: Record<string, number> } | null;
};

const MB = 1024 * 1024;
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxContentBytes: 64 * 1024 * MB,
  maxEntryBytes: 64 * MB,
  maxLineBytes: 8 * MB,
};
/** Lines longer than this are checked for their nesting before they are parsed. */
const DEEP_CHECK_BYTES = 64 * 1024;

export function newFileRead(name: string): FileRead {
  return {
    name,
    bytes: 0,
    contentBytes: 0,
    compressed: false,
    sha256: null,
    format: null,
    entries: 0,
    otherLines: 0,
    stop: null,
  };
}

/** HAR when the root object's first key is `log` (or the document is pretty-printed); NDJSON otherwise. */
function detect(head: Buffer): FileFormat | "unknown" | "need-more" {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  if (i >= head.length) return "need-more";
  if (head[i] !== 0x7b) return "unknown";
  const rest = head.subarray(i + 1, i + 4096).toString("utf8");
  const key = /^\s*"((?:[^"\\]|\\.)*)"/.exec(rest);
  if (key) return key[1] === "log" ? "har" : "ndjson";
  if (/^[ \t]*\r?\n/.test(rest)) return "har";
  return rest.length < 4000 && !rest.includes("\n") ? "need-more" : "ndjson";
}

function stopOf(err: ReadStopError, place: { line?: number; entry?: number }): ReadStop {
  return { ...place, code: err.code, params: err.params, reason: err.message };
}

export async function* readExchanges(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  result: FileRead,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<Exchange> {
  const chunks = decodedChunks(source, result, limits.maxContentBytes)[Symbol.asyncIterator]();
  try {
    let head: Buffer = Buffer.alloc(0);
    let format: FileFormat | "unknown" | "need-more" = "need-more";
    while (format === "need-more" && head.length < limits.maxLineBytes) {
      // Blank lines before the first byte that tells the format also end at the time limit.
      checkTime(limits, { line: 1 });
      const next = await chunks.next();
      if (next.done) break;
      head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
      format = detect(head);
    }
    if (head.length === 0) throw new ReadStopError("empty", {}, { line: 1 });
    if (format === "unknown") throw new ReadStopError("not_har_or_ndjson", {}, { line: 1 });
    result.format = format === "har" ? "har" : "ndjson";
    const all = prepend(head, chunks);
    if (result.format === "har") yield* readHar(all, result, limits);
    else yield* readNdjson(all, result, limits);
  } catch (err) {
    if (!(err instanceof ReadStopError)) throw err;
    // A layer below the reader (decompression, size) stopped it while reading the next entry or line: the ones
    // before it were complete and are kept.
    const place =
      err.at.line !== undefined || err.at.entry !== undefined
        ? err.at
        : result.format === "har"
          ? { entry: result.entries + 1 }
          : { line: (lastLine.get(result) ?? 0) + 1 };
    result.stop = stopOf(err, place);
  } finally {
    await chunks.return?.(undefined);
  }
}

// The NDJSON reader's position, for stops raised by the layers below it (decompression, size).
const lastLine = new WeakMap<FileRead, number>();

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

function checkTime(limits: ReadLimits, at: { line?: number; entry?: number }): void {
  const stop = limits.shouldStop?.();
  if (stop) throw new ReadStopError(stop.code, stop.params, at);
}

async function* readHar(chunks: AsyncIterable<Buffer>, result: FileRead, limits: ReadLimits): AsyncGenerator<Exchange> {
  const scanner = new HarScanner({ maxEntryBytes: limits.maxEntryBytes, maxOutsideBytes: limits.maxEntryBytes });
  for await (const chunk of chunks) {
    for (const raw of scanner.push(chunk)) {
      const n = result.entries + 1;
      checkTime(limits, { entry: n });
      let value: unknown;
      try {
        value = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new ReadStopError("entry_invalid", { entry: n }, { entry: n });
      }
      result.entries = n;
      yield harEntryToExchange(value, result.name, n);
    }
  }
  scanner.end();
}

const NEWLINE = 0x0a;

/** The deepest nesting of a JSON text, outside strings, up to `max + 1` (one linear pass). */
function nestingOver(line: Buffer, start: number, end: number, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = line[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

async function* readNdjson(
  chunks: AsyncIterable<Buffer>,
  result: FileRead,
  limits: ReadLimits,
): AsyncGenerator<Exchange> {
  let lineNo = 0;
  const tooLong = (line: number) =>
    new ReadStopError("line_too_long", { line, mb: Math.round(limits.maxLineBytes / MB) }, { line });
  const parse = (line: Buffer, last: boolean): Exchange | null => {
    lineNo++;
    lastLine.set(result, lineNo);
    checkTime(limits, { line: lineNo });
    let end = line.length;
    if (end > 0 && line[end - 1] === 0x0d) end--;
    let start = lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf ? 3 : 0;
    while (start < end && (line[start] === 0x20 || line[start] === 0x09)) start++;
    if (start >= end) return null;
    // A long line nested thousands of levels deep parses slowly into a huge value: refused before parsing.
    if (end - start > DEEP_CHECK_BYTES && nestingOver(line, start, end, MAX_DEPTH)) {
      throw new ReadStopError("line_too_deep", { line: lineNo, depth: MAX_DEPTH }, { line: lineNo });
    }
    let value: unknown;
    try {
      value = JSON.parse(line.toString("utf8", start, end));
    } catch {
      throw new ReadStopError(last ? "line_cut_off" : "line_invalid", { line: lineNo }, { line: lineNo });
    }
    const x = ndjsonLineToExchange(value, result.name, lineNo);
    if (x) result.entries++;
    else result.otherLines++;
    return x;
  };
  // A line across chunks is kept as its parts, joined once when it ends (joining at every chunk was quadratic).
  let carry: Buffer[] = [];
  let carried = 0;
  for await (const chunk of chunks) {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE);
    if (carried > 0) {
      if (nl < 0) {
        carry.push(Buffer.from(chunk));
        carried += chunk.length;
        if (carried > limits.maxLineBytes) throw tooLong(lineNo + 1);
        continue;
      }
      if (carried + nl > limits.maxLineBytes) throw tooLong(lineNo + 1);
      carry.push(chunk.subarray(0, nl));
      const x = parse(Buffer.concat(carry), false);
      carry = [];
      carried = 0;
      if (x) yield x;
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    while (nl >= 0) {
      if (nl - start > limits.maxLineBytes) throw tooLong(lineNo + 1);
      const x = parse(chunk.subarray(start, nl), false);
      if (x) yield x;
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      // Copied: the caller may reuse the chunk's memory.
      carry.push(Buffer.from(chunk.subarray(start)));
      carried = chunk.length - start;
      if (carried > limits.maxLineBytes) throw tooLong(lineNo + 1);
    }
  }
  if (carried > 0) {
    const x = parse(Buffer.concat(carry), true);
    if (x) yield x;
  }
}
