// The probe cycle (job body): every store's cloud link and Terminal API, Checkout and Management, webhook
// freshness; then the rules, and in one transaction the results, changed verdicts, transitions, incidents and
// alert deliveries. A failing cycle is recorded as failed, so readers show `unknown` with the reason.
import { adyenConfigFromEnv, createAdyen } from "@/lib/adyen/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log, errorFields } from "@/lib/log";
import type { VerdictState } from "@/lib/status/types";
import { createDeliveries } from "./alerts";
import { activeMaintenance } from "./maintenance-active";
import { loadProbeStores, loadWebhookTraffic } from "./probe-inputs";
import { probeCheckout, probeManagement } from "./probes/adyen-apis";
import { probeCloudLink, type CloudLinkResult } from "./probes/cloud-link";
import { createLimiter } from "./probes/limiter";
import { probeTerminalApi } from "./probes/terminal-api";
import { buildRuns, failedRuns, storeArrays } from "./run-rows";
import { updateTerminalConnections } from "./terminal-connections";
import { loadVerdicts, recordTransitions, saveVerdicts, type Row, type ShownTransition } from "./verdict-store";
import { reasonOf } from "./verdicts/reason";
import { reasonText } from "./verdicts/reason-text";
import { nextVerdict, ruleConfig } from "./verdicts/rules";
import {
  aggregateSample,
  apiSample,
  cloudLinkSample,
  storeSample,
  webhookSample,
  type Sample,
} from "./verdicts/samples";

/** Adyen calls in flight at once, across all stores. */
export const PROBE_CONCURRENCY = 32;

export const COMPONENT_NAMES = {
  cloud_link: "Cloud link",
  terminal_api: "Terminal API",
  checkout: "Checkout API",
  management: "Management API",
  webhooks: "Webhooks",
} as const;

export type CycleResult = {
  startedAt: Date;
  durationMs: number;
  calls: number;
  stores: number;
  transitions: ShownTransition[];
  deliveryIds: string[];
};

export function probeTimeoutMs(intervalS: number): number {
  return Math.min(5_000, Math.max(1_000, Math.round((intervalS * 1000) / 3)));
}

export async function runProbeCycle(opts: { concurrency?: number } = {}): Promise<CycleResult> {
  const e = env();
  const cfg = ruleConfig(e.STATUS_PROBE_INTERVAL_S);
  const timeoutMs = probeTimeoutMs(e.STATUS_PROBE_INTERVAL_S);
  const started = new Date();
  const t0 = performance.now();
  try {
    const adyen = createAdyen({ ...adyenConfigFromEnv(e), timeoutMs });
    const limit = createLimiter(opts.concurrency ?? PROBE_CONCURRENCY);
    const ctx = { limit, timeoutMs };
    const [stores, traffic, before, maintenance] = await Promise.all([
      loadProbeStores(),
      loadWebhookTraffic(started),
      loadVerdicts(),
      activeMaintenance(started),
    ]);
    const [cloud, terminal, checkout, management] = await Promise.all([
      Promise.all(stores.filter((s) => s.terminalIds.length > 0).map((s) => probeCloudLink(adyen, s, ctx))),
      Promise.all(
        stores.flatMap((s) =>
          s.probeTerminalId
            ? [probeTerminalApi(adyen, { storeId: s.storeId, terminalId: s.probeTerminalId }, ctx)]
            : [],
        ),
      ),
      limit(() => probeCheckout(adyen, timeoutMs)),
      limit(() => probeManagement(adyen, timeoutMs)),
    ]);
    const now = started.toISOString();
    const cloudBy = new Map(cloud.map((c) => [c.storeId, c]));
    const terminalBy = new Map(terminal.map((t) => [t.storeId, t]));
    const rows: Row[] = [];
    const transitions: ShownTransition[] = [];
    const perStore = { cloud: [] as Sample[], terminal: [] as Sample[], webhooks: [] as Sample[] };
    const named = {
      cloud: [] as { name: string; level: Sample["level"] }[],
      terminal: [] as { name: string; level: Sample["level"] }[],
      webhooks: [] as { name: string; level: Sample["level"] }[],
    };

    const step = (
      subject: string,
      storeId: string | null,
      name: string,
      sample: Sample,
      shownOverride?: { state: VerdictState; reason: string },
      summary = false,
    ) => {
      const prev = before.get(subject) ?? null;
      const { verdict } = nextVerdict(prev, sample, now, cfg);
      const shown = shownOverride?.state ?? verdict.state;
      const prevShown = prev?.shown ?? "unknown";
      rows.push({ ...verdict, subject, storeId, shown });
      if (shown !== prevShown)
        transitions.push({
          subject,
          storeId,
          name,
          from: prevShown,
          to: shown,
          at: started,
          reason: shownOverride?.reason ?? verdict.reason,
          since: shownOverride ? started : new Date(verdict.since),
          ...(summary ? { summary } : {}),
        });
    };

    for (const s of stores) {
      const prevState = before.get(`store:${s.storeId}`)?.state ?? "unknown";
      const c: CloudLinkResult | undefined = cloudBy.get(s.storeId);
      const cloudS = cloudLinkSample(
        c
          ? { total: c.total, connected: c.connected, ...(c.error ? { error: c.error } : {}) }
          : { total: 0, connected: 0 },
        prevState,
      );
      const t = terminalBy.get(s.storeId);
      const probeConnected = t && c && !c.error ? (c.online[t.terminalId] ?? null) : null;
      const terminalObs = t ? { level: t.level, text: t.text, probeConnected } : null;
      const hook = traffic.get(s.storeId) ?? { lastAt: null, expectedPerHour: 0 };
      const hookS = webhookSample({ ...hook, now: started });
      // A store in maintenance is left out of the components' summaries: its trouble is planned.
      const m = maintenance.get(s.storeId);
      perStore.cloud.push(cloudS);
      perStore.webhooks.push(hookS);
      if (!m) named.webhooks.push({ name: s.name, level: hookS.level });
      if (c && !m) named.cloud.push({ name: s.name, level: cloudS.level });
      if (terminalObs) {
        const ignored = terminalObs.level === "down" && probeConnected === false;
        const ts = { level: terminalObs.level, text: terminalObs.text };
        perStore.terminal.push(ts);
        if (!m) named.terminal.push({ name: s.name, level: ignored ? "error" : ts.level });
      } else perStore.terminal.push({ level: "error", text: reasonText(reasonOf("noProbeTerminal"), started) });
      step(
        `store:${s.storeId}`,
        s.storeId,
        s.name,
        storeSample(cloudS, terminalObs),
        m
          ? { state: "maintenance", reason: reasonText(reasonOf("maintenance", { note: m.reason }), started) }
          : undefined,
      );
    }
    step(
      "component:cloud_link",
      null,
      COMPONENT_NAMES.cloud_link,
      aggregateSample(named.cloud, "noStoreWithTerminals"),
      undefined,
      true,
    );
    step(
      "component:terminal_api",
      null,
      COMPONENT_NAMES.terminal_api,
      aggregateSample(named.terminal, "noStoreWithProbeTerminal"),
      undefined,
      true,
    );
    step("component:webhooks", null, COMPONENT_NAMES.webhooks, aggregateSample(named.webhooks, "noStoreToCheck"));
    step("component:checkout", null, COMPONENT_NAMES.checkout, apiSample(checkout, "checkoutApi"));
    step("component:management", null, COMPONENT_NAMES.management, apiSample(management, "managementApi"));

    const durationMs = Math.round(performance.now() - t0);
    const calls = cloud.reduce((n, c) => n + c.calls, 0) + terminal.length + 2;
    const arrays = storeArrays(stores, { cloud, terminal, samples: perStore });
    const runs = buildRuns({
      startedAt: started,
      durationMs,
      arrays,
      cloudCalls: calls - terminal.length - 2,
      terminalCalls: terminal.length,
      checkout,
      management,
    });
    const { deliveryIds, changes } = await db().$transaction(
      async (tx) => {
        await tx.statusProbeRun.createMany({ data: runs });
        await saveVerdicts(tx, rows, before);
        const changes = await recordTransitions(tx, transitions);
        return { changes, deliveryIds: await createDeliveries(tx, changes) };
      },
      { timeout: 30_000 },
    );
    await updateTerminalConnections(cloud, started);
    for (const t of changes)
      log.info("status.transition", { subject: t.subject, from: t.from, to: t.to, reason: t.reason });
    return { startedAt: started, durationMs, calls, stores: stores.length, transitions: changes, deliveryIds };
  } catch (err) {
    const error = errorFields(err).error as string;
    await db()
      .statusProbeRun.createMany({ data: failedRuns(started, Math.round(performance.now() - t0), error) })
      .catch(() => undefined);
    throw err;
  }
}
