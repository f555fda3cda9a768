// This dashboard as a source: its own recorded Adyen calls and the PROCESS_RETRY webhooks it stored. Analysed on
// demand (the page's button, `ops idempotency audit`) and twice a day by a job, so the trend includes the app;
// like every analysis, in an analysis process of its own (submit.ts), which reads them from the database.
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { analyzeTraffic } from "@/lib/idempotency/submit";
import type { AnalysisSummary } from "@/lib/idempotency/summary";
import { defineJob } from "@/lib/jobs/define";

/** Recorded calls older than this are deleted when the dashboard is audited (their days stay in the trend). */
export const EXCHANGE_RETENTION_DAYS = 35;
export const DASHBOARD_SOURCE = "this dashboard";

export async function analyzeDashboard(actor: Actor, requestId?: string): Promise<AnalysisSummary> {
  assertCan(actor, "idempotency.analyze");
  await db().adyenExchange.deleteMany({
    where: { at: { lt: new Date(Date.now() - EXCHANGE_RETENTION_DAYS * 86_400_000) } },
  });
  return analyzeTraffic(actor, { kind: "dashboard" }, { kind: "dashboard", source: DASHBOARD_SOURCE, requestId });
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
