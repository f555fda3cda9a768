// Control API for the rate limit and the fault mix (see ../fault-mix.ts).
import { z } from "zod";
import { jsonReply } from "../http/reply";
import type { Router } from "../http/router";
import { API_FAMILIES } from "../faults";
import { FAULT_KINDS, createFaultMix, createRateLimit } from "../fault-mix";
import type { SimRuntime } from "../runtime";
import { parseControlBody } from "./control-io";

const family = z.enum(API_FAMILIES);

export const rateLimitSchema = z.strictObject({
  family,
  /** Requests per window; null removes the limit. */
  limit: z.number().int().min(1).max(1_000_000).nullable(),
  windowMs: z.number().int().min(1).max(3_600_000).default(60_000),
});

export const faultMixSchema = z.strictObject({
  family,
  rate: z.number().min(0).max(1),
  weights: z.partialRecord(z.enum(FAULT_KINDS), z.number().min(0)).default({}),
  latencyMs: z.number().int().min(0).max(120_000).default(0),
});

export function addFaultControlRoutes(router: Router<SimRuntime>): void {
  router.add("POST", "/_sim/faults/rate-limit", (req, rt) => {
    const body = parseControlBody(req.rawBody, rateLimitSchema);
    if (!body.ok) return body.reply;
    const { family: f, limit, windowMs } = body.value;
    if (limit === null) delete rt.state.faults.rateLimits[f];
    else rt.state.faults.rateLimits[f] = createRateLimit(limit, windowMs, Date.now());
    return jsonReply(200, rt.state.faults);
  });

  router.add("POST", "/_sim/faults/mix", (req, rt) => {
    const body = parseControlBody(req.rawBody, faultMixSchema);
    if (!body.ok) return body.reply;
    const { family: f, rate, weights, latencyMs } = body.value;
    if (rate === 0) delete rt.state.faults.mixes[f];
    else rt.state.faults.mixes[f] = createFaultMix(rate, weights, latencyMs);
    return jsonReply(200, rt.state.faults);
  });
}
