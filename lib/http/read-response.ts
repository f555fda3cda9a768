// Reads an answer's body (fetch) up to a limit and no further: a larger one is cancelled where the limit is passed,
// never read to its end first, so an endless or huge answer costs at most `limit` bytes of memory.

export type LimitedText = { ok: true; text: string } | { ok: false; tooLarge: true };

export async function readLimitedText(res: Response, limit: number): Promise<LimitedText> {
  if (!res.body) return { ok: true, text: "" };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}
