// Maintenance windows declared by an admin or a store's manager: during one the store shows `maintenance` and no
// alert goes out. The same schema serves the form and POST /api/v1/maintenance-windows; the bounds (at most 14 days,
// starting from 24 hours ago to 90 days ahead, ending in the future, no overlap per store) are lib/validation/windows.ts.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan, storesFor, type Actor } from "@/lib/auth/permissions";
import { assertWindow, windowConstraintError } from "@/lib/validation/windows";

export const maintenanceInputSchema = z
  .object({
    storeId: z.string().trim().min(1, { message: "is required" }).max(64),
    startsAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with offset" }),
    endsAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with offset" }),
    reason: z.string().trim().min(1, { message: "is required" }).max(300),
  })
  .strict();
export type MaintenanceInput = z.input<typeof maintenanceInputSchema>;

export type MaintenanceView = {
  id: string;
  storeId: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string;
};

function view(w: {
  id: string;
  storeId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdBy: string;
}): MaintenanceView {
  return {
    id: w.id,
    storeId: w.storeId,
    startsAt: w.startsAt.toISOString(),
    endsAt: w.endsAt.toISOString(),
    reason: w.reason,
    createdBy: w.createdBy,
  };
}

function label(actor: Actor): string {
  return actor === "system" ? "system" : actor.label;
}

export async function createMaintenanceWindow(
  actor: Actor,
  input: unknown,
  requestId?: string,
): Promise<MaintenanceView> {
  const raw = z.object({ storeId: z.string().optional() }).passthrough().safeParse(input);
  assertCan(actor, "status.maintenance.write", { storeId: raw.success ? raw.data.storeId : undefined });
  const w = maintenanceInputSchema.parse(input);
  // Length, start and end first, for a clear answer; the database enforces them and the overlap (exclusion).
  assertWindow("maintenance", { startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) });
  const store = await db().store.findUnique({ where: { id: w.storeId }, select: { id: true } });
  if (!store) throw new AppError("NOT_FOUND", `No store ${w.storeId}.`);
  const created = db().$transaction(async (tx) => {
    const row = await tx.maintenanceWindow.create({
      data: {
        storeId: w.storeId,
        startsAt: new Date(w.startsAt),
        endsAt: new Date(w.endsAt),
        reason: w.reason,
        createdBy: label(actor),
      },
    });
    await recordAudit(tx, actor, {
      action: "maintenance.create",
      entityType: "maintenance_window",
      entityId: row.id,
      after: view(row),
      requestId,
    });
    return view(row);
  });
  return created.catch((err: unknown) => {
    throw windowConstraintError("maintenance", err);
  });
}

export async function cancelMaintenanceWindow(actor: Actor, id: string): Promise<void> {
  const row = await db().maintenanceWindow.findUnique({ where: { id } });
  if (!row || row.cancelledAt) throw new AppError("NOT_FOUND", "No such maintenance window.");
  assertCan(actor, "status.maintenance.write", { storeId: row.storeId });
  await db().$transaction(async (tx) => {
    // A window that already began is ended now; one that has not begun is cancelled.
    const now = new Date();
    const after = await tx.maintenanceWindow.update({
      where: { id },
      data: row.startsAt < now ? { endsAt: now } : { cancelledAt: now },
    });
    await recordAudit(tx, actor, {
      action: "maintenance.cancel",
      entityType: "maintenance_window",
      entityId: id,
      before: view(row),
      after: view(after),
    });
  });
}

/** Current and upcoming windows of the actor's stores. */
export async function listMaintenanceWindows(actor: Actor): Promise<MaintenanceView[]> {
  const scope = storesFor(actor, "status.read");
  const rows = await db().maintenanceWindow.findMany({
    where: { cancelledAt: null, endsAt: { gt: new Date() }, ...(scope === "all" ? {} : { storeId: { in: scope } }) },
    orderBy: { startsAt: "asc" },
    take: 200,
  });
  return rows.map(view);
}
