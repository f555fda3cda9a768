// The HTTP edge of imports: the request body as parser input, and the one answer of every import route:
// 200 with the counts, or 422 with the per-row report when the input was refused as a whole. (Malformed
// bodies and files without the needed columns are 400s, thrown as AppError VALIDATION and mapped by
// lib/http/route.ts.)
import { AppError } from "@/lib/errors";
import type { ImportResult } from "@/lib/reconciliation/imports/types";

export function importResponse(
  result: ImportResult<unknown>,
  options: { maxProblems?: number; requestId?: string } = {},
): Response {
  const problems = options.maxProblems === undefined ? result.problems : result.problems.slice(0, options.maxProblems);
  const request = options.requestId ? { requestId: options.requestId } : {};
  if (!result.ok) {
    const message = `${result.rejected} of ${result.rows} rows are invalid; nothing was imported. Fix them, or import the valid rows only (skipInvalid).`;
    const error = {
      code: "VALIDATION",
      message,
      problems,
      problemCount: result.problemCount,
      rows: result.rows,
      rejected: result.rejected,
    };
    return Response.json({ error, ...request }, { status: 422 });
  }
  const { ok: _ok, problems: _all, ...counts } = result;
  return Response.json({ ...counts, problems, ...request });
}

/** `?skipInvalid=true` (or 1): import the valid rows and report the others. */
export function skipInvalidParam(url: string): boolean {
  const value = new URL(url).searchParams.get("skipInvalid");
  return value === "1" || value === "true";
}

/** The upload as the parsers' input, chunk by chunk as it arrives: never buffered whole. */
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
