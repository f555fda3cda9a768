// The terminal sync as a job: on a schedule (incremental, with a full run at least once a day) and on demand.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/queue";
import { assertCan, storesFor } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { runTerminalSync } from "@/lib/runbook/terminals/sync";

const FULL_EVERY_MS = 24 * 60 * 60 * 1000;

export const terminalSyncJob = defineJob({
  name: "terminals.sync",
  schema: z.object({
    mode: z.enum(["full", "incremental"]).optional(),
    storeIds: z.array(z.string().max(64)).max(10_000).optional(),
    requestedBy: z.string().max(200).optional(),
  }),
  schedule: { everySeconds: 600 },
  retryLimit: 0,
  expireInSeconds: 30 * 60,
  run: async (data) => {
    const mode = data.mode ?? (await scheduledMode());
    await runTerminalSync({ mode, storeIds: data.storeIds, requestedBy: data.requestedBy ?? "schedule" });
  },
});

/** Full when no whole-fleet run succeeded in the last day (or ever), incremental otherwise. */
async function scheduledMode(): Promise<"full" | "incremental"> {
  const lastFull = await db().terminalSync.findFirst({
    where: { status: "succeeded", mode: "full", storeIds: { isEmpty: true } },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true },
  });
  return lastFull && Date.now() - lastFull.startedAt.getTime() < FULL_EVERY_MS ? "incremental" : "full";
}

/** "Sync now": a full read of the stores the caller may see (all of them for admins). */
export async function requestTerminalSync(actor: Principal): Promise<void> {
  assertCan(actor, "terminals.sync");
  const stores = storesFor(actor, "terminals.sync");
  // An empty list would mean "every store" to the sync: a manager without stores has nothing to sync.
  if (stores !== "all" && stores.length === 0) throw new AppError("FORBIDDEN", "You have no stores assigned.");
  await enqueue(
    terminalSyncJob,
    { mode: "full", ...(stores === "all" ? {} : { storeIds: stores }), requestedBy: actor.label },
    { singletonKey: `terminals.sync:${stores === "all" ? "all" : stores.join(",")}`, singletonSeconds: 10 },
  );
}
