// Alert endpoints (admin only): where verdict changes are posted (a secret once saved: shown and audited masked), an
// optional signing secret (write-only), the delivery log, and a test message to check the setup.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { assertAlertTarget, maskAlertUrl } from "./alert-target";

export const alertEndpointSchema = z
  .object({
    name: z.string().trim().min(1, { message: "is required" }).max(80),
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((u) => /^https?:\/\/[^\s]+$/.test(u) && URL.canParse(u), { message: "must be an http(s) URL" }),
    // Where it may point (no private addresses, https in production) is assertAlertTarget's, after parsing.
    secret: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((s) => (s ? s : undefined)),
  })
  .strict();

export type AlertEndpointView = {
  id: string;
  name: string;
  /** Masked (scheme, host and port): the URL is a secret once saved. */
  url: string;
  signed: boolean;
  enabled: boolean;
  createdAt: string;
};
export type AlertDeliveryView = {
  id: string;
  endpoint: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  text: string;
  createdAt: string;
  deliveredAt: string | null;
};

function endpointView(r: {
  id: string;
  name: string;
  url: string;
  secret: string | null;
  enabled: boolean;
  createdAt: Date;
}): AlertEndpointView {
  return {
    id: r.id,
    name: r.name,
    url: maskAlertUrl(r.url),
    signed: r.secret !== null,
    enabled: r.enabled,
    createdAt: r.createdAt.toISOString(),
  };
}

function label(actor: Actor): string {
  return actor === "system" ? "system" : actor.label;
}

export async function createAlertEndpoint(actor: Actor, input: unknown): Promise<AlertEndpointView> {
  assertCan(actor, "status.alerts.manage");
  const e = alertEndpointSchema.parse(input);
  await assertAlertTarget(e.url);
  return db().$transaction(async (tx) => {
    const row = await tx.alertEndpoint.create({
      data: { name: e.name, url: e.url, secret: e.secret ?? null, createdBy: label(actor) },
    });
    const v = endpointView(row);
    await recordAudit(tx, actor, {
      action: "alert_endpoint.create",
      entityType: "alert_endpoint",
      entityId: row.id,
      after: v,
    });
    return v;
  });
}

export async function deleteAlertEndpoint(actor: Actor, id: string): Promise<void> {
  assertCan(actor, "status.alerts.manage");
  await db().$transaction(async (tx) => {
    const row = await tx.alertEndpoint.findUnique({ where: { id } });
    if (!row) throw new AppError("NOT_FOUND", "No such alert endpoint.");
    await tx.alertEndpoint.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "alert_endpoint.delete",
      entityType: "alert_endpoint",
      entityId: id,
      before: { name: row.name, url: maskAlertUrl(row.url) },
    });
  });
}

export async function listAlertSetup(
  actor: Actor,
): Promise<{ endpoints: AlertEndpointView[]; deliveries: AlertDeliveryView[] }> {
  assertCan(actor, "status.alerts.manage");
  const [endpoints, deliveries] = await Promise.all([
    db().alertEndpoint.findMany({ orderBy: { createdAt: "asc" } }),
    db().alertDelivery.findMany({
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { endpoint: { select: { name: true } } },
    }),
  ]);
  return {
    endpoints: endpoints.map(endpointView),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      endpoint: d.endpoint.name,
      status: d.status,
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      text: String((d.payload as { text?: unknown }).text ?? ""),
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
  };
}

/** Queues a test message to one endpoint through the same delivery path as real alerts; returns the delivery id. */
export async function createTestAlert(actor: Actor, endpointId: string): Promise<string> {
  assertCan(actor, "status.alerts.manage");
  const endpoint = await db().alertEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) throw new AppError("NOT_FOUND", "No such alert endpoint.");
  const payload = {
    text: `[Merchant Ops] Test alert from ${label(actor)}: alerts reach this endpoint.`,
    event: "status.test",
    at: new Date().toISOString(),
  };
  const row = await db().alertDelivery.create({
    data: { endpointId, payload: payload as Prisma.InputJsonValue, status: "pending" },
  });
  return row.id;
}
