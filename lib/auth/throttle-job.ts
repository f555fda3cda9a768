// Keeps the sign-in throttle table to one window of attempts: ended windows are deleted every 15 minutes.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { log } from "@/lib/log";
import { pruneSignInThrottle, WINDOW_MINUTES } from "@/lib/auth/throttle";

export const pruneSignInThrottleJob = defineJob({
  name: "auth.throttle.prune",
  schema: z.object({}).passthrough(),
  schedule: { everySeconds: WINDOW_MINUTES * 60 },
  retryLimit: 1,
  run: async () => {
    const deleted = await pruneSignInThrottle();
    if (deleted > 0) log.info("auth.throttle.pruned", { deleted });
  },
});
