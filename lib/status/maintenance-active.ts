// Maintenance windows in force at a moment, per store (read by the probe cycle and the read models).
import { db } from "@/lib/db";
import type { ActiveMaintenance } from "./verdicts/effective";

export async function activeMaintenance(now: Date, storeIds?: string[]): Promise<Map<string, ActiveMaintenance>> {
  const rows = await db().maintenanceWindow.findMany({
    where: {
      cancelledAt: null,
      startsAt: { lte: now },
      endsAt: { gt: now },
      ...(storeIds ? { storeId: { in: storeIds } } : {}),
    },
    orderBy: { endsAt: "desc" },
  });
  const out = new Map<string, ActiveMaintenance>();
  for (const r of rows) {
    if (!out.has(r.storeId)) out.set(r.storeId, { startsAt: r.startsAt, endsAt: r.endsAt, reason: r.reason });
  }
  return out;
}
