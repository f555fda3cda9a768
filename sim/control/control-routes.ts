// Control API for tests and demos (/_sim/...): reset, clock, cloud outages and fault injection.
import { jsonReply } from "../http/reply";
import type { Router } from "../http/router";
import { linkResponse } from "../checkout/payment-links";
import { setOutage } from "../device/connectivity";
import { findStore, findTerminal, resetRuntime, type SimRuntime } from "../runtime";
import { controlError, parseControlBody } from "./control-io";
import {
  clockAdvanceSchema,
  dropConnectionSchema,
  errorRateSchema,
  idempotencyStoreSchema,
  latencySchema,
  outageSchema,
  rollingOutageSchema,
} from "./control-schemas";

function outagesView(rt: SimRuntime) {
  const { all, stores, terminals, rolling } = rt.state.outages;
  const entries = <K>(m: Map<K, { mode: string; since: Date }>) =>
    [...m].map(([id, o]) => ({ id, mode: o.mode, since: o.since.toISOString() }));
  return {
    all: all ? { mode: all.mode, since: all.since.toISOString() } : null,
    stores: entries(stores),
    terminals: entries(terminals),
    rolling: [...rolling].map(([id, o]) => ({
      id,
      mode: o.mode,
      since: o.since.toISOString(),
      everyMs: o.everyMs,
      terminalIds: o.terminalIds,
    })),
  };
}

export function addControlRoutes(router: Router<SimRuntime>): void {
  router.add("POST", "/_sim/reset", (_req, rt) => {
    resetRuntime(rt);
    return jsonReply(200, { reset: true });
  });

  router.add("GET", "/_sim/state", (_req, rt) => {
    const now = rt.clock.now();
    return jsonReply(200, {
      now: now.toISOString(),
      clockOffsetMs: rt.clock.offsetMs,
      links: [...rt.state.links.values()].map((l) => ({
        ...linkResponse(l, now, rt.urls.public),
        payments: l.payments.map((p) => ({ ...p, at: p.at.toISOString() })),
      })),
      idempotencyKeys: rt.state.idempotency.size,
      outages: outagesView(rt),
      faults: rt.state.faults,
      standalonePayments: rt.state.standalonePayments.map((p) => ({ ...p, at: p.at.toISOString() })),
      webhookTarget: rt.webhooks.target ? { url: rt.webhooks.target.url } : null,
    });
  });

  router.add("GET", "/_sim/catalog", (_req, rt) => jsonReply(200, rt.config.catalog));

  router.add("POST", "/_sim/clock/advance", (req, rt) => {
    const body = parseControlBody(req.rawBody, clockAdvanceSchema);
    if (!body.ok) return body.reply;
    rt.clock.advance(body.value.ms);
    return jsonReply(200, { now: rt.clock.now().toISOString(), clockOffsetMs: rt.clock.offsetMs });
  });

  router.add("POST", "/_sim/outages", (req, rt) => {
    const body = parseControlBody(req.rawBody, outageSchema);
    if (!body.ok) return body.reply;
    const { all, storeId, terminalId, active, mode } = body.value;
    if (storeId !== undefined && !findStore(rt, storeId)) return controlError(404, `unknown store ${storeId}`);
    if (terminalId !== undefined && !findTerminal(rt, terminalId))
      return controlError(404, `unknown terminal ${terminalId}`);
    const target = all
      ? { all }
      : storeId !== undefined
        ? { storeId: findStore(rt, storeId)?.id ?? storeId }
        : { terminalId: terminalId ?? "" };
    setOutage(rt.state.outages, target, active ? { mode, since: rt.clock.now() } : null);
    return jsonReply(200, outagesView(rt));
  });

  // A store whose terminals go offline one by one (a failing switch, a spreading problem).
  router.add("POST", "/_sim/outages/rolling", (req, rt) => {
    const body = parseControlBody(req.rawBody, rollingOutageSchema);
    if (!body.ok) return body.reply;
    const store = findStore(rt, body.value.storeId);
    if (!store) return controlError(404, `unknown store ${body.value.storeId}`);
    if (!body.value.active) {
      rt.state.outages.rolling.delete(store.id);
      return jsonReply(200, outagesView(rt));
    }
    const terminalIds = rt.config.catalog.terminals.filter((t) => t.storeId === store.id).map((t) => t.id);
    rt.state.outages.rolling.set(store.id, {
      mode: body.value.mode,
      since: rt.clock.now(),
      everyMs: body.value.everyMs,
      terminalIds,
    });
    return jsonReply(200, outagesView(rt));
  });

  router.add("GET", "/_sim/faults", (_req, rt) => jsonReply(200, rt.state.faults));

  router.add("POST", "/_sim/faults/latency", (req, rt) => {
    const body = parseControlBody(req.rawBody, latencySchema);
    if (!body.ok) return body.reply;
    rt.state.faults.latencyMs[body.value.family] = body.value.ms;
    return jsonReply(200, rt.state.faults);
  });

  router.add("POST", "/_sim/faults/error-rate", (req, rt) => {
    const body = parseControlBody(req.rawBody, errorRateSchema);
    if (!body.ok) return body.reply;
    rt.state.faults.errorRate[body.value.family] = { rate: body.value.rate, status: body.value.status };
    return jsonReply(200, rt.state.faults);
  });

  router.add("POST", "/_sim/faults/drop-connection", (req, rt) => {
    const body = parseControlBody(req.rawBody, dropConnectionSchema);
    if (!body.ok) return body.reply;
    rt.state.faults.dropConnections = { remaining: body.value.count, family: body.value.family ?? null };
    return jsonReply(200, rt.state.faults);
  });

  router.add("POST", "/_sim/faults/idempotency-store", (req, rt) => {
    const body = parseControlBody(req.rawBody, idempotencyStoreSchema);
    if (!body.ok) return body.reply;
    rt.state.faults.idempotencyStoreAvailable = body.value.available;
    return jsonReply(200, rt.state.faults);
  });
}
