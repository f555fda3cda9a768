// This dashboard as a source: its own recorded Adyen calls and the PROCESS_RETRY webhooks it stored. Analysed on
// demand (the page's button, `ops idempotency audit`) and once a day by a job, so the trend includes the app.
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { headerMap } from "@/lib/idempotency/headers";
import { analyzeTraffic } from "@/lib/idempotency/analyze";
import type { AnalysisSummary } from "@/lib/idempotency/summary";
import type { Exchange } from "@/lib/idempotency/types";
import { defineJob } from "@/lib/jobs/define";

/** Recorded calls older than this are deleted when the dashboard is audited (their days stay in the trend). */
export const EXCHANGE_RETENTION_DAYS = 35;
const PAGE = 1_000;
export const DASHBOARD_SOURCE = "this dashboard";

async function* recordedExchanges(): AsyncGenerator<Exchange> {
  let after = 0n;
  for (;;) {
    const rows = await db().adyenExchange.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    for (const r of rows) {
      yield {
        time: r.at.getTime(),
        method: r.method,
        url: r.url,
        requestHeaders: headerMap(r.requestHeaders),
        requestBody: r.requestBody ?? undefined,
        status: r.status,
        responseHeaders: headerMap(r.responseHeaders),
        responseBody: r.responseBody ?? undefined,
        durationMs: r.durationMs,
        client: r.client,
        origin: { file: "recorded Adyen calls", entry: Number(r.id) },
      };
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)?.id ?? after;
  }
}

/** Each stored PROCESS_RETRY item as the notification delivery it was, so the same rule reads it. */
async function* storedProcessRetryWebhooks(): AsyncGenerator<Exchange> {
  let after = 0n;
  for (;;) {
    const rows = await db().paymentEvent.findMany({
      where: { eventCode: "PROCESS_RETRY", id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, live: true, raw: true, receivedAt: true },
    });
    for (const r of rows) {
      yield {
        time: r.receivedAt.getTime(),
        method: "POST",
        url: "stored-webhook://payment_events",
        requestHeaders: {},
        requestBody: { live: r.live ? "true" : "false", notificationItems: [{ NotificationRequestItem: r.raw }] },
        status: 200,
        responseHeaders: {},
        responseBody: undefined,
        durationMs: null,
        client: null,
        origin: { file: "stored webhooks", entry: Number(r.id) },
      };
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)?.id ?? after;
  }
}

export async function analyzeDashboard(actor: Actor, requestId?: string): Promise<AnalysisSummary> {
  assertCan(actor, "idempotency.analyze");
  await db().adyenExchange.deleteMany({
    where: { at: { lt: new Date(Date.now() - EXCHANGE_RETENTION_DAYS * 86_400_000) } },
  });
  return analyzeTraffic(
    actor,
    [
      {
        name: "recorded Adyen calls",
        format: "exchanges",
        exchanges: recordedExchanges(),
        dailyOrigin: (day) => `dashboard:${day}`,
      },
      {
        name: "stored webhooks",
        format: "exchanges",
        exchanges: storedProcessRetryWebhooks(),
        dailyOrigin: (day) => `webhooks:${day}`,
      },
    ],
    { kind: "dashboard", source: DASHBOARD_SOURCE, requestId },
  );
}

/** Something to audit since the last audit: new recorded calls or new PROCESS_RETRY webhooks. */
async function hasNewTraffic(): Promise<boolean> {
  const last = await db().idempotencyAnalysis.findFirst({
    where: { kind: "dashboard", status: { in: ["complete", "incomplete"] } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = last?.createdAt ?? new Date(0);
  const calls = await db().adyenExchange.count({ where: { at: { gt: since } } });
  if (calls > 0) return true;
  return (await db().paymentEvent.count({ where: { eventCode: "PROCESS_RETRY", receivedAt: { gt: since } } })) > 0;
}

// Twice a day (pg-boss allows at most 12 h between scheduled runs); a run with nothing new adds no analysis.
export const dashboardAuditJob = defineJob({
  name: "idempotency.dashboard-audit",
  schema: z.object({}).passthrough(),
  schedule: { everySeconds: 12 * 60 * 60 },
  retryLimit: 1,
  expireInSeconds: 60 * 60,
  run: async () => {
    if (await hasNewTraffic()) await analyzeDashboard("system");
  },
});
