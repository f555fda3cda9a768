// Route handler plumbing: request id, structured log, and the one mapping from errors to HTTP responses.
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { AppError, publicError } from "@/lib/errors";
import { log, errorFields } from "@/lib/log";

export function zodToAppError(err: ZodError, what = "request"): AppError {
  const problems = err.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
  const first = problems[0];
  return new AppError("VALIDATION", `Invalid ${what}: ${first ? `${first.path}: ${first.message}` : "bad input"}`, {
    problems,
  });
}

/** The one mapping from any error to what a caller may see, logged when it is ours (5xx). */
export function mapError(
  err: unknown,
  requestId: string,
  what = "request",
): { status: number; body: ReturnType<typeof publicError>["body"] & { requestId: string } } {
  const mapped = publicError(err instanceof ZodError ? zodToAppError(err, what) : err);
  if (mapped.status >= 500) log.error("http.error", { requestId, ...errorFields(err) });
  return { status: mapped.status, body: { ...mapped.body, requestId } };
}

export function errorResponse(err: unknown, requestId: string): Response {
  const { status, body } = mapError(err, requestId);
  return Response.json(body, { status, headers: { "x-request-id": requestId } });
}

/** A caller's x-request-id (bounded), or a new one. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  return (typeof header === "string" && header.slice(0, 64)) || randomUUID();
}

export function handle<C>(name: string, fn: (req: Request, ctx: C, requestId: string) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const requestId = requestIdFrom(req.headers.get("x-request-id"));
    const started = performance.now();
    try {
      const res = await fn(req, ctx, requestId);
      res.headers.set("x-request-id", requestId);
      log.debug("http.request", {
        route: name,
        requestId,
        status: res.status,
        ms: Math.round(performance.now() - started),
      });
      return res;
    } catch (err) {
      return errorResponse(err, requestId);
    }
  };
}

/** Reads a JSON body, with a clear 400 for malformed JSON. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
}

export { AppError };
