// Declared outage windows per store. Reconciliation reads them (a wider time window for matching standalone
// receipts inside one). A manager declares one by hand, or confirms the one the status panel proposes: it then
// starts when the verdict went bad and ends by itself when the store is operational again. A window lasts at most
// 7 days (an open one counts that long at most), starts from 7 days ago to 24 hours ahead, and never overlaps
// another of its store: lib/validation/windows.ts, enforced by the database.
import { z } from "zod";
import type { OutageWindow } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan, storesFor } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { requestReconcile } from "@/lib/reconciliation/trigger";
import { requiredText, zonedTimestampSchema } from "@/lib/validation/fields";
import type { StoreVerdict } from "@/lib/runbook/status-source";
import { assertWindow, outageEndAtMost, WINDOW_BOUNDS, windowConstraintError } from "@/lib/validation/windows";

/** What outage windows need to know of a store's verdict. */
type VerdictFacts = Pick<StoreVerdict, "storeId" | "state" | "since" | "reason">;

const optionalTimestamp = z.preprocess(
  (v) => (v === null || v === "" ? undefined : v),
  zonedTimestampSchema.optional(),
);

/** Body of POST /api/v1/outages. */
export const outageInputSchema = z
  .object({
    storeId: requiredText(64),
    startsAt: zonedTimestampSchema,
    endsAt: optionalTimestamp,
    reason: requiredText(500),
  })
  .refine((o) => o.endsAt === undefined || o.endsAt > o.startsAt, {
    path: ["endsAt"],
    message: "must be after startsAt",
  });

export type OutageView = {
  id: string;
  storeId: string;
  startsAt: string;
  endsAt: string | null;
  reason: string | null;
  source: string;
  closesOnRecovery: boolean;
  declaredBy: string;
  closedBy: string | null;
  createdAt: string;
};

export function toOutageView(w: OutageWindow): OutageView {
  return {
    id: w.id,
    storeId: w.storeId,
    startsAt: w.startsAt.toISOString(),
    endsAt: w.endsAt?.toISOString() ?? null,
    reason: w.reason,
    source: w.source,
    closesOnRecovery: w.closesOnRecovery,
    declaredBy: w.declaredBy,
    closedBy: w.closedBy,
    createdAt: w.createdAt.toISOString(),
  };
}

/** Reconciliation reads the windows; tests pass their own callback instead of queueing a job. */
export type OutageOptions = { reconcile?: (reason: string) => void };

async function createWindow(
  actor: Principal,
  data: { storeId: string; startsAt: Date; endsAt?: Date; reason: string; source: string; closesOnRecovery: boolean },
  opts: OutageOptions,
): Promise<OutageView> {
  if (!(await db().store.findUnique({ where: { id: data.storeId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", `Invalid request: storeId: unknown store ${data.storeId}`, {
      problems: [{ path: "storeId", message: `unknown store ${data.storeId}` }],
    });
  }
  // Length and start first, for a clear answer; the database enforces them, and that no two windows of a store
  // overlap (an exclusion constraint: two managers declaring at once cannot both win).
  assertWindow("outage", data);
  const window = await db()
    .$transaction(async (tx) => {
      const w = await tx.outageWindow.create({
        data: {
          storeId: data.storeId,
          startsAt: data.startsAt,
          endsAt: data.endsAt ?? null,
          reason: data.reason,
          source: data.source,
          closesOnRecovery: data.closesOnRecovery,
          declaredBy: actor.label,
        },
      });
      await recordAudit(tx, actor, {
        action: "outage.declare",
        entityType: "outage",
        entityId: w.id,
        after: toOutageView(w),
      });
      return w;
    })
    .catch((err: unknown) => {
      throw windowConstraintError("outage", err);
    });
  (opts.reconcile ?? requestReconcile)("outage window declared");
  return toOutageView(window);
}

export async function declareOutage(actor: Principal, input: unknown, opts: OutageOptions = {}): Promise<OutageView> {
  assertCan(actor, "outages.declare");
  const o = outageInputSchema.parse(input);
  assertCan(actor, "outages.declare", { storeId: o.storeId });
  return createWindow(actor, { ...o, source: "declared", closesOnRecovery: false }, opts);
}

/** Starts the window when the status panel's verdict went bad; it closes itself once the store recovers. */
export async function confirmProposedOutage(
  actor: Principal,
  storeId: string,
  verdict: VerdictFacts | null,
  opts: OutageOptions = {},
): Promise<OutageView> {
  assertCan(actor, "outages.declare", { storeId });
  if (!verdict || (verdict.state !== "outage" && verdict.state !== "degraded") || !verdict.since) {
    throw new AppError("CONFLICT", "The status panel does not report an outage for this store right now.");
  }
  return createWindow(
    actor,
    {
      storeId,
      // A store in trouble for longer than a window may reach back: the window starts as early as it may.
      startsAt: new Date(Math.max(Date.parse(verdict.since), Date.now() - WINDOW_BOUNDS.outage.maxBackMs + 60_000)),
      reason: verdict.reason || `Status panel: ${verdict.state}`,
      source: "status",
      closesOnRecovery: true,
    },
    opts,
  );
}

export async function closeOutage(
  actor: Principal,
  id: string,
  endsAt: Date = new Date(),
  opts: OutageOptions = {},
): Promise<OutageView> {
  assertCan(actor, "outages.declare");
  const w = z.uuid().safeParse(id).success ? await db().outageWindow.findUnique({ where: { id } }) : null;
  if (!w) throw new AppError("NOT_FOUND", `No outage window ${id}.`);
  assertCan(actor, "outages.declare", { storeId: w.storeId });
  if (w.endsAt) return toOutageView(w);
  const end = outageEndAtMost(w.startsAt, endsAt > w.startsAt ? endsAt : new Date(w.startsAt.getTime() + 1000));
  const closed = await db().$transaction(async (tx) => {
    const updated = await tx.outageWindow.update({ where: { id }, data: { endsAt: end, closedBy: actor.label } });
    await recordAudit(tx, actor, {
      action: "outage.close",
      entityType: "outage",
      entityId: id,
      before: { endsAt: null },
      after: { endsAt: end.toISOString() },
    });
    return updated;
  });
  (opts.reconcile ?? requestReconcile)("outage window closed");
  return toOutageView(closed);
}

export const outageListSchema = z.object({
  storeId: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(64).optional()),
  limit: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(500).default(100)),
});

export async function listOutages(actor: Principal, input: unknown): Promise<OutageView[]> {
  const f = outageListSchema.parse(input);
  const stores = storesFor(actor, "outages.read");
  if (f.storeId) assertCan(actor, "outages.read", { storeId: f.storeId });
  const rows = await db().outageWindow.findMany({
    where: { AND: [stores === "all" ? {} : { storeId: { in: stores } }, f.storeId ? { storeId: f.storeId } : {}] },
    orderBy: { startsAt: "desc" },
    take: f.limit,
  });
  return rows.map(toOutageView);
}

/** The store's window open right now, if any. */
export async function openOutage(storeId: string, now = new Date()): Promise<OutageView | null> {
  const w = await db().outageWindow.findFirst({
    where: { storeId, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    orderBy: { startsAt: "desc" },
  });
  return w ? toOutageView(w) : null;
}

/** Closes windows that follow the status panel once their store is operational again (at the time it recovered). */
export async function closeRecoveredOutages(
  verdicts: readonly VerdictFacts[],
  opts: OutageOptions = {},
): Promise<number> {
  const operational = new Map(verdicts.filter((v) => v.state === "operational").map((v) => [v.storeId, v]));
  if (operational.size === 0) return 0;
  const open = await db().outageWindow.findMany({
    where: { endsAt: null, closesOnRecovery: true, storeId: { in: [...operational.keys()] } },
  });
  for (const w of open) {
    const since = operational.get(w.storeId)?.since;
    const end = outageEndAtMost(w.startsAt, since && new Date(since) > w.startsAt ? new Date(since) : new Date());
    await db().$transaction(async (tx) => {
      await tx.outageWindow.update({
        where: { id: w.id },
        data: { endsAt: end, closedBy: "status panel (recovered)" },
      });
      await recordAudit(tx, "system", {
        action: "outage.close",
        entityType: "outage",
        entityId: w.id,
        before: { endsAt: null },
        after: { endsAt: end.toISOString(), reason: "store operational again" },
      });
    });
  }
  if (open.length > 0) (opts.reconcile ?? requestReconcile)("outage windows closed on recovery");
  return open.length;
}
