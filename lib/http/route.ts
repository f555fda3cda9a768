// Route handler plumbing: request id, structured log, and the one mapping from errors to HTTP responses.
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { AppError, publicError } from "@/lib/errors";
import { localizeError } from "@/lib/http/localize-error";
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

/**
 * What a caller sent as x-request-id, for correlating with their logs: printable, bounded, and never used as our
 * request id (anyone can send anything; two requests could claim the same id).
 */
export function callerRequestIdFrom(header: string | string[] | null | undefined): string | undefined {
  const value = typeof header === "string" ? header.trim().slice(0, 64) : "";
  return /^[\x21-\x7e]+$/.test(value) ? value : undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state change that rides on the session cookie must come from our own pages: a browser sends Origin with
 * every such request, and a forged one from another site carries that site's origin (or "null"). Bearer-token
 * callers and callers without cookies have nothing a forged request could borrow. (Server actions get the same
 * check from Next; next-auth's own routes use its CSRF token.)
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method) || req.headers.get("authorization") || !req.headers.get("cookie")) return;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = origin ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  if (!originHost || !host || originHost !== host) {
    throw new AppError(
      "FORBIDDEN",
      "Cross-site request refused: a change sent with a session cookie must come from this site's pages (Origin).",
    );
  }
}

export function handle<C>(
  name: string,
  fn: (req: Request, ctx: C, requestId: string, callerRequestId: string | undefined) => Promise<Response>,
) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const requestId = randomUUID();
    const callerRequestId = callerRequestIdFrom(req.headers.get("x-request-id"));
    const started = performance.now();
    try {
      assertSameOrigin(req);
      const res = await fn(req, ctx, requestId, callerRequestId);
      res.headers.set("x-request-id", requestId);
      log.debug("http.request", {
        route: name,
        requestId,
        callerRequestId,
        status: res.status,
        ms: Math.round(performance.now() - started),
      });
      return res;
    } catch (err) {
      return errorResponse(await localizeError(err), requestId);
    }
  };
}

export { AppError };
