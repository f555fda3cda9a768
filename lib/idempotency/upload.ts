// The HTTP side of analyses: a request body as input, with the size limit enforced while it streams, and the
// page's multi-file upload (files sent back to back in one body, their sizes in the query) split into files.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type UploadPart = { name: string; size: number };

const MB = 1024 * 1024;

function tooLarge(limitBytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The upload is larger than ${Math.round(limitBytes / MB)} MB (IDEMPOTENCY_MAX_UPLOAD_MB); compress it with gzip or split it.`,
  );
}

/** A request's body chunk by chunk as it arrives: never buffered whole. */
export async function* requestChunks(req: Request): AsyncGenerator<Uint8Array> {
  if (!req.body) return;
  const reader = req.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The upload limit of the configuration, in bytes. */
export function uploadLimitBytes(): number {
  return env().IDEMPOTENCY_MAX_UPLOAD_MB * MB;
}

/** Refuses up front when the declared length is over the limit, and again if more bytes arrive than allowed. */
export async function* limitedBody(
  body: AsyncIterable<Uint8Array>,
  declaredLength: number | null,
  limitBytes: number,
): AsyncGenerator<Buffer> {
  if (declaredLength !== null && declaredLength > limitBytes) throw tooLarge(limitBytes);
  let seen = 0;
  for await (const chunk of body) {
    seen += chunk.length;
    if (seen > limitBytes) throw tooLarge(limitBytes);
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  if (seen === 0) throw new AppError("VALIDATION", "The upload is empty: send the file as the request body.");
}

/**
 * One byte stream per file. A reader that stops early (the file turned out not to be HAR or NDJSON) does not
 * disturb the next file: what is left of its part is skipped before the next part starts.
 */
export async function* splitUpload(
  body: AsyncIterable<Buffer>,
  parts: UploadPart[],
): AsyncGenerator<{ name: string; bytes: AsyncIterable<Buffer> }> {
  const source = body[Symbol.asyncIterator]();
  let carry: Buffer | null = null;
  const take = async (max: number): Promise<Buffer | null> => {
    if (!carry || carry.length === 0) {
      const next = await source.next();
      if (next.done) return null;
      carry = next.value;
    }
    const chunk: Buffer = carry;
    const out = chunk.length <= max ? chunk : chunk.subarray(0, max);
    carry = chunk.length <= max ? null : chunk.subarray(max);
    return out;
  };
  for (const part of parts) {
    let remaining = part.size;
    const cutOff = () =>
      new AppError(
        "VALIDATION",
        `The upload ended inside ${part.name}: ${part.size - remaining} of ${part.size} bytes arrived.`,
      );
    async function* bytes(): AsyncGenerator<Buffer> {
      while (remaining > 0) {
        const chunk = await take(remaining);
        if (!chunk) throw cutOff();
        remaining -= chunk.length;
        yield chunk;
      }
    }
    yield { name: part.name, bytes: bytes() };
    while (remaining > 0) {
      const chunk = await take(remaining);
      if (!chunk) throw cutOff();
      remaining -= chunk.length;
    }
  }
  if ((carry as Buffer | null)?.length || !(await source.next()).done) {
    throw new AppError("VALIDATION", "The upload is longer than the sizes of its files say.");
  }
}

/** A single file's bytes as the stream of files an analysis takes. */
export async function* oneFile(
  name: string,
  bytes: AsyncIterable<Buffer>,
): AsyncGenerator<{ name: string; bytes: AsyncIterable<Buffer> }> {
  yield { name, bytes };
}
