// Outgoing webhooks on verdict changes: one alert per change (a burst of many changes in one cycle is one summary
// alert, so a fleet-wide outage is not hundreds of messages), JSON with a `text` field that Slack and Teams
// incoming webhooks accept plus structured fields, signed when a secret is set, delivered as retried jobs.
import { createHmac } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { VerdictState } from "@/lib/status/types";
import { postAlert } from "./alert-post";
import { targetPolicy } from "./alert-target";
import { isProblem, type ShownTransition } from "./verdict-store";

type Tx = Prisma.TransactionClient;

/** More changes than this in one cycle go out as one summary alert. */
export const SUMMARY_AFTER = 10;
/** Attempts per delivery before it is marked failed (the first one included). */
export const MAX_ATTEMPTS = 6;
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Changes worth a message: into or out of trouble. Maintenance sends nothing, except a store that is still in
 * trouble when its window ends.
 */
export function isAlertable(from: VerdictState, to: VerdictState): boolean {
  if (to === "maintenance") return false;
  if (from === "maintenance") return isProblem(to);
  return isProblem(from) || isProblem(to);
}

function appUrl(): string {
  const e = env();
  return (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

type Change = ShownTransition & { id: bigint };

function changeJson(c: Change) {
  return {
    subject: c.subject,
    storeId: c.storeId,
    name: c.name,
    from: c.from,
    to: c.to,
    at: c.at.toISOString(),
    reason: c.reason,
    runbookUrl: c.storeId ? `${appUrl()}/runbook/${c.storeId}` : null,
  };
}

function line(c: Change): string {
  return `${c.name}: ${c.to.toUpperCase()} (was ${c.from}) - ${c.reason}`;
}

/** The messages for one cycle's changes: one per change, or one summary for a burst. */
export function alertMessages(changes: Change[]): { transitionId: bigint; payload: Record<string, unknown> }[] {
  const alertable = changes.filter((c) => !c.summary && isAlertable(c.from, c.to));
  if (alertable.length === 0) return [];
  if (alertable.length <= SUMMARY_AFTER) {
    return alertable.map((c) => {
      const json = changeJson(c);
      const link = json.runbookUrl ? ` Runbook: ${json.runbookUrl}` : "";
      return {
        transitionId: c.id,
        payload: { text: `[Merchant Ops] ${line(c)}.${link}`, event: "status.changed", ...json },
      };
    });
  }
  const shown = alertable.slice(0, SUMMARY_AFTER).map((c) => `- ${line(c)}`);
  const text = [
    `[Merchant Ops] ${alertable.length} status changes:`,
    ...shown,
    ...(alertable.length > SUMMARY_AFTER ? [`- and ${alertable.length - SUMMARY_AFTER} more: ${appUrl()}/status`] : []),
  ].join("\n");
  const first = alertable[0] as Change;
  return [
    { transitionId: first.id, payload: { text, event: "status.changed.summary", changes: alertable.map(changeJson) } },
  ];
}

/** Creates the deliveries (inside the cycle's transaction) and returns their ids, to be queued after commit. */
export async function createDeliveries(tx: Tx, changes: Change[]): Promise<string[]> {
  const messages = alertMessages(changes);
  if (messages.length === 0) return [];
  const endpoints = await tx.alertEndpoint.findMany({ where: { enabled: true }, select: { id: true } });
  const ids: string[] = [];
  for (const e of endpoints) {
    for (const m of messages) {
      const row = await tx.alertDelivery.create({
        data: {
          endpointId: e.id,
          transitionId: m.transitionId,
          payload: m.payload as Prisma.InputJsonValue,
          status: "pending",
        },
      });
      ids.push(row.id);
    }
  }
  return ids;
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * One delivery attempt. Throws while attempts remain (the job queue retries with backoff); after the last one the
 * delivery is marked failed and stays visible to the admin.
 */
export async function deliverAlert(
  deliveryId: string,
  fetchTimeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<"delivered" | "failed" | "retry"> {
  const d = await db().alertDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (!d || d.status === "delivered" || d.status === "failed")
    return d?.status === "delivered" ? "delivered" : "failed";
  const body = JSON.stringify(d.payload);
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "merchant-ops-alerts" };
  if (d.endpoint.secret) headers["x-signature"] = signature(d.endpoint.secret, body);
  const answer = await postAlert(d.endpoint.url, body, headers, { timeoutMs: fetchTimeoutMs, policy: targetPolicy() });
  const status = answer.status;
  const problem = answer.ok ? null : answer.problem;
  const attempts = d.attempts + 1;
  const outcome = problem === null ? "delivered" : attempts >= MAX_ATTEMPTS ? "failed" : "retry";
  await db().alertDelivery.update({
    where: { id: d.id },
    data: {
      attempts,
      lastStatus: status,
      lastError: problem,
      status: outcome === "retry" ? "retrying" : outcome,
      ...(outcome === "delivered" ? { deliveredAt: new Date() } : {}),
    },
  });
  return outcome;
}
