// Control API for money movements and their signals: standalone payments, link payments, webhooks, status page.
import { jsonReply } from "../http/reply";
import type { Router } from "../http/router";
import { payLink } from "../checkout/link-payments";
import { linkResponse, setLinkStatus } from "../checkout/payment-links";
import { webhookTargetOf } from "../options";
import type { SimRuntime } from "../runtime";
import { runStandalonePayment } from "../standalone-payments";
import { defaultDescription, openIncident, resolveIncident, scheduleMaintenance } from "../status-page";
import { controlError, parseControlBody } from "./control-io";
import {
  incidentSchema,
  maintenanceSchema,
  linkPaymentSchema,
  linkStatusSchema,
  resolveIncidentSchema,
  standalonePaymentSchema,
  statusPageSchema,
  webhookTargetSchema,
} from "./control-schemas";

export function addCommerceControlRoutes(router: Router<SimRuntime>): void {
  router.add("POST", "/_sim/standalone-payments", (req, rt) => {
    const body = parseControlBody(req.rawBody, standalonePaymentSchema);
    if (!body.ok) return body.reply;
    const { at, ...rest } = body.value;
    const result = runStandalonePayment(rt, { ...rest, ...(at ? { at: new Date(at) } : {}) });
    return result.ok ? jsonReply(201, result.receipt) : controlError(result.status, result.message);
  });

  router.add("POST", "/_sim/payment-links/:linkId/payments", (req, rt) => {
    const body = parseControlBody(req.rawBody, linkPaymentSchema);
    if (!body.ok) return body.reply;
    const result = payLink(rt, req.params["linkId"] ?? "", body.value);
    if (!result.ok) return controlError(result.status, result.message);
    return jsonReply(201, {
      pspReference: result.payment?.pspReference ?? null,
      link: linkResponse(result.link, rt.clock.now(), rt.urls.public),
    });
  });

  router.add("POST", "/_sim/payment-links/:linkId/status", (req, rt) => {
    const body = parseControlBody(req.rawBody, linkStatusSchema);
    if (!body.ok) return body.reply;
    const link = rt.state.links.get(req.params["linkId"] ?? "");
    if (!link) return controlError(404, `unknown payment link ${req.params["linkId"] ?? ""}`);
    setLinkStatus(link, body.value.status, rt.clock.now());
    return jsonReply(200, linkResponse(link, rt.clock.now(), rt.urls.public));
  });

  router.add("GET", "/_sim/webhooks", (req, rt) => {
    const psp = req.query.get("pspReference");
    const eventCode = req.query.get("eventCode");
    const deliveries = rt.webhooks
      .list()
      .filter((d) => (psp === null || d.pspReference === psp) && (eventCode === null || d.eventCode === eventCode));
    return jsonReply(200, { target: rt.webhooks.target ? { url: rt.webhooks.target.url } : null, deliveries });
  });

  router.add("POST", "/_sim/webhooks/target", (req, rt) => {
    const body = parseControlBody(req.rawBody, webhookTargetSchema);
    if (!body.ok) return body.reply;
    rt.webhooks.setTarget(webhookTargetOf(body.value.url ?? undefined, body.value.username, body.value.password));
    return jsonReply(200, { target: rt.webhooks.target ? { url: rt.webhooks.target.url } : null });
  });

  router.add("POST", "/_sim/status-page", (req, rt) => {
    const body = parseControlBody(req.rawBody, statusPageSchema);
    if (!body.ok) return body.reply;
    const page = rt.state.statusPage;
    if (body.value.format !== undefined) page.format = body.value.format;
    if (body.value.available !== undefined) page.available = body.value.available;
    if (body.value.indicator === null) page.override = null;
    else if (body.value.indicator !== undefined) {
      page.override = {
        indicator: body.value.indicator,
        description: body.value.description ?? defaultDescription(body.value.indicator),
      };
    }
    return jsonReply(200, { format: page.format, available: page.available, override: page.override });
  });

  router.add("POST", "/_sim/status-page/incidents", (req, rt) => {
    const body = parseControlBody(req.rawBody, incidentSchema);
    if (!body.ok) return body.reply;
    const page = rt.state.statusPage;
    const unknown = body.value.componentIds.filter((id) => !page.components.some((c) => c.id === id));
    if (unknown.length > 0) return controlError(400, `unknown component ids: ${unknown.join(", ")}`);
    return jsonReply(201, openIncident(page, body.value, rt.clock.now()));
  });

  router.add("POST", "/_sim/status-page/maintenances", (req, rt) => {
    const body = parseControlBody(req.rawBody, maintenanceSchema);
    if (!body.ok) return body.reply;
    const { startsAt, endsAt, ...rest } = body.value;
    const maintenance = scheduleMaintenance(
      rt.state.statusPage,
      {
        ...rest,
        ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
        ...(endsAt ? { endsAt: new Date(endsAt) } : {}),
      },
      rt.clock.now(),
    );
    return jsonReply(201, maintenance);
  });

  router.add("POST", "/_sim/status-page/incidents/:incidentId/resolve", (req, rt) => {
    const body = parseControlBody(req.rawBody, resolveIncidentSchema);
    if (!body.ok) return body.reply;
    const incident = resolveIncident(
      rt.state.statusPage,
      req.params["incidentId"] ?? "",
      body.value.body,
      rt.clock.now(),
    );
    return incident
      ? jsonReply(200, incident)
      : controlError(404, `unknown incident ${req.params["incidentId"] ?? ""}`);
  });
}
