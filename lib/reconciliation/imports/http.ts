// The HTTP edge of imports: the request body as parser input, and the one answer of every import route:
// 200 with the counts, or 422 with the per-row report when the input was refused as a whole. (Malformed
// bodies and files without the needed columns are 400s, thrown as AppError VALIDATION and mapped by
// lib/http/route.ts.)
import { AppError, statusFor } from "@/lib/errors";
import { readLimitedBytes } from "@/lib/http/limited-body";
import type { ImportResult } from "@/lib/reconciliation/imports/types";

export { MAX_RECORD_BYTES } from "@/lib/reconciliation/reports/csv-records";

/** JSON imports carry at most 10,000 rows; 8 MiB leaves each row ~800 bytes, three times what a full order needs. */
export const MAX_JSON_BODY_BYTES = 8 * 1024 * 1024;

function tooLarge(limit: number, what: string): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The ${what} is larger than ${formatBytes(limit)}; send fewer rows per request${what === "upload" ? " or split the file" : ""}.`,
  );
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${Math.round(n / 1024)} KiB`;
}

function declaredLength(req: Request): number {
  const n = Number(req.headers.get("content-length") ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function importResponse(
  result: ImportResult<unknown>,
  options: { maxProblems?: number; requestId?: string } = {},
): Response {
  const problems = options.maxProblems === undefined ? result.problems : result.problems.slice(0, options.maxProblems);
  const request = options.requestId ? { requestId: options.requestId } : {};
  if (!result.ok) {
    const message = `${result.rejected} of ${result.rows} rows are invalid; nothing was imported. Fix them, or import the valid rows only (skipInvalid).`;
    const error = {
      code: "UNPROCESSABLE" as const,
      message,
      problems,
      problemCount: result.problemCount,
      rows: result.rows,
      rejected: result.rejected,
    };
    return Response.json({ error, ...request }, { status: statusFor("UNPROCESSABLE") });
  }
  const { ok: _ok, problems: _all, ...counts } = result;
  return Response.json({ ...counts, problems, ...request });
}

/** `?skipInvalid=true` (or 1): import the valid rows and report the others. */
export function skipInvalidParam(url: string): boolean {
  const value = new URL(url).searchParams.get("skipInvalid");
  return value === "1" || value === "true";
}

/** The upload as the parsers' input, chunk by chunk as it arrives (never buffered whole), at most `limit` bytes. */
export async function* requestBodyChunks(req: Request, limit: number): AsyncGenerator<Buffer> {
  if (declaredLength(req) > limit) throw tooLarge(limit, "upload");
  if (!req.body) throw new AppError("VALIDATION", "The upload is empty: send the file as the request body.");
  const reader = req.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > limit) throw tooLarge(limit, "upload");
      yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * A JSON request body: `application/json` only (415 otherwise), at most `limit` bytes whether declared or sent
 * (413, without reading further), and well-formed (400).
 */
export async function readJsonBody(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  if (declaredLength(req) > limit) throw tooLarge(limit, "request body");
  const bytes = await readLimitedBytes(req.body, limit);
  if (!bytes) throw tooLarge(limit, "request body");
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
}

/** More rows than one request may carry is a 413 (split the request), checked before the rows are validated. */
export function assertRowLimit(body: unknown, key: string, max: number): void {
  const rows = body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(rows) && rows.length > max) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `At most ${max.toLocaleString("en")} ${key} per request (${rows.length.toLocaleString("en")} sent); split them, or upload a CSV file.`,
    );
  }
}
