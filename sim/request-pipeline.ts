// One request end to end: control vs public vs API routes, API key, injected faults, idempotency, drop or write.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { withIdempotency } from "./checkout/idempotency";
import { errorStyleOf, methodNotAllowed, notFound, transientFailure, unauthorized, type ErrorStyle } from "./errors";
import { pickFault, takeRateLimit, type FaultKind } from "./fault-mix";
import { idempotentRequestInFlight, tooManyRequests } from "./fault-replies";
import { familyOf, pickInjectedError, sleep, takeConnectionDrop, type ApiFamily } from "./faults";
import { BodyTooLargeError, headerValue, isLoopback, readBody, writeReply } from "./http/request-io";
import { jsonReply, type Reply } from "./http/reply";
import type { RequestContext, Router } from "./http/router";
import { buildApiRouter, buildControlRouter, buildPublicRouter } from "./routes";
import type { SimRuntime } from "./runtime";

const BODY_LIMIT_BYTES = 1024 * 1024;

/** A request before routing, i.e. without path parameters. */
type IncomingContext = Omit<RequestContext, "params">;

function hasValidKey(req: IncomingMessage, apiKey: string): boolean {
  const given = Buffer.from(headerValue(req.headers["x-api-key"]) ?? "");
  const expected = Buffer.from(apiKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createRequestHandler(rt: SimRuntime): (req: IncomingMessage, res: ServerResponse) => void {
  const routers = { api: buildApiRouter(), public: buildPublicRouter(), control: buildControlRouter() };

  async function route(
    req: IncomingMessage,
    ctx: IncomingContext,
    family: ApiFamily | null,
    fault: FaultKind | null,
  ): Promise<Reply> {
    const { path, method } = ctx;
    if (path.startsWith("/_sim/")) {
      // Control must not be reachable from other machines even when the simulator listens on 0.0.0.0.
      if (!isLoopback(req.socket.remoteAddress))
        return jsonReply(403, { error: { message: "control API is loopback-only" } });
      return dispatch(routers.control, ctx, "plain");
    }
    // Adyen API paths are exactly those that answer with an Adyen error body.
    const style = errorStyleOf(path);
    if (style === "plain") return withFaults(ctx, family, null, () => dispatch(routers.public, ctx, "plain"));
    if (!hasValidKey(req, rt.config.apiKey)) return unauthorized(style);
    return withFaults(ctx, family, fault, () => {
      const run = () => dispatch(routers.api, ctx, style);
      return method === "POST" && family === "checkout" ? withIdempotency({ ...ctx, params: {} }, rt, run) : run();
    });
  }

  async function withFaults(
    ctx: IncomingContext,
    family: ApiFamily | null,
    fault: FaultKind | null,
    run: () => Promise<Reply>,
  ): Promise<Reply> {
    if (family === null) return run();
    // The gateway counts and refuses before anything else happens.
    const limited = takeRateLimit(rt.state.faults.rateLimits[family], Date.now());
    if (limited) return tooManyRequests(errorStyleOf(ctx.path), limited.retryAfterSeconds);
    if (fault === "transient503") return transientFailure(errorStyleOf(ctx.path), 503);
    const key = headerValue(ctx.headers["idempotency-key"]);
    if (fault === "inFlight704" && key !== undefined) return idempotentRequestInFlight(key);
    if (fault === "latency") await sleep(rt.state.faults.mixes[family]?.latencyMs ?? 0);
    const injected = pickInjectedError(rt.state.faults, family, rt.config.random);
    if (injected !== null) return transientFailure(errorStyleOf(ctx.path), injected);
    return run();
  }

  async function dispatch(router: Router<SimRuntime>, ctx: IncomingContext, style: ErrorStyle): Promise<Reply> {
    const match = router.match(ctx.method, ctx.path);
    if (match.kind === "not-found") return notFound(style, `No resource at ${ctx.path}`);
    if (match.kind === "method-not-allowed") return methodNotAllowed(style);
    const family = familyOf(ctx.path);
    // Latency sits inside processing, so an idempotent request stays "in flight" for its whole duration.
    if (family !== null) await sleep(rt.state.faults.latencyMs[family]);
    if (family === "checkout" && ctx.method === "POST") await sleep(rt.config.checkoutProcessingMs);
    return match.handler({ ...ctx, params: match.params }, rt);
  }

  return (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const method = req.method ?? "GET";
    const path = url.pathname;
    const family = familyOf(path);
    const fault =
      family === null || path.startsWith("/_sim/") ? null : pickFault(rt.state.faults.mixes[family], rt.config.random);
    const log = (status: number | "dropped") =>
      rt.config.log({ event: "sim.request", method, path, status, ms: Math.round(performance.now() - started) });
    void (async () => {
      let reply: Reply;
      try {
        const rawBody = await readBody(req, BODY_LIMIT_BYTES);
        const ctx = { method, path, query: url.searchParams, headers: req.headers, rawBody };
        reply = await route(req, ctx, family, fault);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          reply = jsonReply(413, { status: 413, message: "Request body too large" });
        } else {
          reply = jsonReply(500, { status: 500, message: "Simulator error" });
          rt.config.log({ event: "sim.error", path, message: err instanceof Error ? err.message : String(err) });
        }
      }
      if (!path.startsWith("/_sim/") && (fault === "drop" || takeConnectionDrop(rt.state.faults, family))) {
        // Fully processed, never answered: the client cannot tell whether its request took effect.
        req.socket.destroy();
        log("dropped");
        return;
      }
      writeReply(res, reply);
      log(reply.status);
    })();
  };
}
