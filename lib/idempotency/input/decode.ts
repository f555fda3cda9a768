// A file's bytes as the readers see them: gunzipped when it starts with gzip's magic bytes (whatever its name),
// counted and hashed on the way (the hash of the decompressed content identifies the file across analyses), and
// stopped with a clear reason past the configured size, or as soon as it expands like no log does (a gzip bomb
// is never inflated to its end).
import { createHash } from "node:crypto";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { ReadStopError } from "@/lib/idempotency/input/stops";

export type DecodeStats = {
  /** Bytes as received (compressed when gzip). */
  bytes: number;
  /** Bytes after decompression. */
  contentBytes: number;
  compressed: boolean;
  /** sha256 of the decompressed content, hex; set once the whole input was read. */
  sha256: string | null;
};

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const GUNZIP_CHUNK = 256 * 1024;
const MB = 1024 * 1024;
/**
 * Traffic logs compress 10- to 40-fold (the benchmark's: 15–30); a file of one repeated line, 1,000-fold. Past
 * EXPANSION_FREE of content, a file that has expanded more than this stops as a gzip bomb.
 */
export const MAX_EXPANSION = 200;
const EXPANSION_FREE = 16 * MB;

async function* counted(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  stats: DecodeStats,
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    stats.bytes += buf.length;
    if (buf.length > 0) yield buf;
  }
}

/** Puts the first chunk back in front of the rest of an iterator. */
async function* prepend(first: Buffer | undefined, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (first) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

export async function* decodedChunks(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  stats: DecodeStats,
  maxContentBytes: number,
): AsyncGenerator<Buffer> {
  const raw = counted(source, stats)[Symbol.asyncIterator]();
  let first = (await raw.next()).value as Buffer | undefined;
  // The magic bytes may straddle the first two chunks of a slow upload.
  while (first && first.length < 2) {
    const more = await raw.next();
    if (more.done) break;
    first = Buffer.concat([first, more.value]);
  }
  stats.compressed = first !== undefined && first[0] === GZIP_MAGIC[0] && first[1] === GZIP_MAGIC[1];
  let body: AsyncIterable<Buffer> = prepend(first, raw);
  if (stats.compressed) body = gunzip(body);
  const hash = createHash("sha256");
  try {
    for await (const chunk of body) {
      stats.contentBytes += chunk.length;
      if (stats.contentBytes > maxContentBytes) {
        throw new ReadStopError("content_too_large", { mb: Math.round(maxContentBytes / MB) });
      }
      hash.update(chunk);
      yield chunk;
    }
    stats.sha256 = hash.digest("hex");
  } finally {
    // A reader that stopped early closes the source too (a file handle, or the rest of an upload's part).
    await raw.return?.(undefined);
  }
}

async function* gunzip(body: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  // Large output chunks: with zlib's default of 16 KB, the work per chunk downstream (every stage of the reading
  // pipeline, and a line cut in two every 16 KB) cost more than inflating (1 GB of NDJSON: 19.9 → 17.9 s).
  const stream = createGunzip({ chunkSize: GUNZIP_CHUNK });
  // pipeline: an error of the source (an aborted upload) reaches the gunzip stream and ends the loop below.
  pipeline(Readable.from(body), stream, () => undefined);
  let out = 0;
  try {
    for await (const chunk of stream) {
      out += (chunk as Buffer).length;
      // bytesWritten: the compressed bytes inflated so far (not those read ahead of it).
      if (out > EXPANSION_FREE && out > stream.bytesWritten * MAX_EXPANSION) {
        throw new ReadStopError("gzip_bomb", { ratio: MAX_EXPANSION, mb: Math.round(out / MB) });
      }
      yield chunk as Buffer;
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== "string" || !code.startsWith("Z_")) throw err;
    throw new ReadStopError(code === "Z_BUF_ERROR" ? "gzip_cut_off" : "gzip_damaged");
  } finally {
    stream.destroy();
  }
}
