// Deletes the staged rows of imports that died half-way (crash, lost database connection), once an hour.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { log } from "@/lib/log";
import { pruneAbandonedStagedRows } from "@/lib/reconciliation/imports/staging";

export const pruneStagedRowsJob = defineJob({
  name: "imports.staging.prune",
  schema: z.object({}).passthrough(),
  schedule: { everySeconds: 3600 },
  retryLimit: 1,
  run: async () => {
    const deleted = await pruneAbandonedStagedRows();
    if (deleted > 0) log.info("imports.staging.pruned", { deleted });
  },
});
