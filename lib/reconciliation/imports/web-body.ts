// Adapts a fetch Request body to the parsers' input without buffering it: chunks flow as the upload arrives.
import { AppError } from "@/lib/errors";

export async function* requestBodyChunks(req: Request): AsyncGenerator<Buffer> {
  if (!req.body) throw new AppError("VALIDATION", "The upload is empty: send the file as the request body.");
  const reader = req.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  } finally {
    reader.releaseLock();
  }
}
