// Reads a web stream body (a request's or an answer's) up to a limit and no further: a larger one is cancelled
// where the limit is passed, never read to its end first, so an endless or huge body costs at most `limit` bytes.

/** The bytes, or null when the body is larger than `limit` (it is then cancelled). */
export async function readLimitedBytes(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}

export type LimitedText = { ok: true; text: string } | { ok: false; tooLarge: true };

export async function readLimitedText(res: Response, limit: number): Promise<LimitedText> {
  const bytes = await readLimitedBytes(res.body, limit);
  return bytes ? { ok: true, text: new TextDecoder().decode(bytes) } : { ok: false, tooLarge: true };
}
