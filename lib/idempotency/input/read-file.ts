// Reads one input file as a stream of exchanges: gzip recognised by its magic bytes, HAR or NDJSON recognised
// by content. Reading stops at the first thing that is not HAR or NDJSON (or where the file is cut off); what was
// read before is kept, and `result.stop` names the line or entry where it stopped.
import { CompressionError, decodedChunks, InputTooLargeError, type DecodeStats } from "@/lib/idempotency/input/decode";
import { HarFormatError, HarScanner } from "@/lib/idempotency/input/har-scanner";
import { harEntryToExchange } from "@/lib/idempotency/input/har-entry";
import { ndjsonLineToExchange } from "@/lib/idempotency/input/ndjson-exchange";
import type { Exchange } from "@/lib/idempotency/types";

export type FileFormat = "har" | "ndjson";

export type ReadStop = { line?: number; entry?: number; reason: string };

export type FileRead = DecodeStats & {
  name: string;
  format: FileFormat | null;
  /** Exchanges read (HAR entries, NDJSON lines that are HTTP exchanges). */
  entries: number;
  /** NDJSON lines that are JSON but not an exchange (a server's other log messages). */
  otherLines: number;
  stop: ReadStop | null;
};

export type ReadLimits = { maxContentBytes: number; maxEntryBytes: number };

export const DEFAULT_READ_LIMITS: ReadLimits = { maxContentBytes: 64 * 1024 ** 3, maxEntryBytes: 64 * 1024 ** 2 };

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

class FormatStop extends Error {
  constructor(readonly stop: ReadStop) {
    super(stop.reason);
  }
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

export async function* readExchanges(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  result: FileRead,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<Exchange> {
  const chunks = decodedChunks(source, result, limits.maxContentBytes)[Symbol.asyncIterator]();
  try {
    let head: Buffer = Buffer.alloc(0);
    let format: FileFormat | "unknown" | "need-more" = "need-more";
    while (format === "need-more") {
      const next = await chunks.next();
      if (next.done) break;
      head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
      format = detect(head);
    }
    if (head.length === 0) throw new FormatStop({ line: 1, reason: "the file is empty" });
    if (format === "unknown") throw new FormatStop({ line: 1, reason: "not a HAR or NDJSON file" });
    result.format = format === "har" ? "har" : "ndjson";
    const all = prepend(head, chunks);
    if (result.format === "har") yield* readHar(all, result, limits);
    else yield* readNdjson(all, result, limits);
  } catch (err) {
    if (err instanceof FormatStop) result.stop = err.stop;
    else if (err instanceof HarFormatError) result.stop = { entry: err.entry, reason: err.message };
    else if (err instanceof CompressionError || err instanceof InputTooLargeError) {
      // Stopped while reading the next entry or line: the ones before it were complete and are kept.
      result.stop =
        result.format === "har"
          ? { entry: result.entries + 1, reason: err.message }
          : { line: (lastLine.get(result) ?? 0) + 1, reason: err.message };
    } else throw err;
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

async function* readHar(chunks: AsyncIterable<Buffer>, result: FileRead, limits: ReadLimits): AsyncGenerator<Exchange> {
  const scanner = new HarScanner(limits.maxEntryBytes);
  for await (const chunk of chunks) {
    for (const raw of scanner.push(chunk)) {
      const n = result.entries + 1;
      let value: unknown;
      try {
        value = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new FormatStop({ entry: n, reason: `entry ${n} is not valid JSON` });
      }
      result.entries = n;
      yield harEntryToExchange(value, result.name, n);
    }
  }
  scanner.end();
}

const NEWLINE = 0x0a;

async function* readNdjson(
  chunks: AsyncIterable<Buffer>,
  result: FileRead,
  limits: ReadLimits,
): AsyncGenerator<Exchange> {
  let lineNo = 0;
  let carry: Buffer | null = null;
  const parse = (line: Buffer, last: boolean): Exchange | null => {
    lineNo++;
    lastLine.set(result, lineNo);
    let end = line.length;
    if (end > 0 && line[end - 1] === 0x0d) end--;
    let start = lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf ? 3 : 0;
    while (start < end && (line[start] === 0x20 || line[start] === 0x09)) start++;
    if (start >= end) return null;
    let value: unknown;
    try {
      value = JSON.parse(line.toString("utf8", start, end));
    } catch {
      throw new FormatStop({
        line: lineNo,
        reason: last ? `line ${lineNo} is incomplete (the file is cut off)` : `line ${lineNo} is not valid JSON`,
      });
    }
    const x = ndjsonLineToExchange(value, result.name, lineNo);
    if (x) result.entries++;
    else result.otherLines++;
    return x;
  };
  for await (const chunk of chunks) {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE);
    if (carry) {
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        if (carry.length > limits.maxEntryBytes) throw tooLong(lineNo + 1, limits);
        continue;
      }
      const x = parse(Buffer.concat([carry, chunk.subarray(0, nl)]), false);
      carry = null;
      if (x) yield x;
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    while (nl >= 0) {
      const x = parse(chunk.subarray(start, nl), false);
      if (x) yield x;
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      carry = Buffer.from(chunk.subarray(start));
      if (carry.length > limits.maxEntryBytes) throw tooLong(lineNo + 1, limits);
    }
  }
  if (carry) {
    const x = parse(carry, true);
    if (x) yield x;
  }
}

function tooLong(line: number, limits: ReadLimits): FormatStop {
  return new FormatStop({
    line,
    reason: `line ${line} is longer than ${Math.round(limits.maxEntryBytes / 1024 / 1024)} MB`,
  });
}
