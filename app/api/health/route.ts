// Liveness and readiness for load balancers and people: database reachability and job queue state.
// Unauthenticated on purpose, so it says nothing that is not safe to say to anyone.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { statusFor } from "@/lib/errors";
import { handle } from "@/lib/http/route";
import { jobQueueState, type JobQueueState } from "@/lib/jobs/queue";

export const dynamic = "force-dynamic";

function jobProblems(jobs: JobQueueState | null): string[] {
  if (!jobs) return ["the job queue could not be read"];
  if (!env().JOBS_IN_PROCESS) return []; // `ops worker` runs them elsewhere
  if (jobs.workers === "running") return [];
  return [`background jobs are ${jobs.workers}${jobs.reason ? `: ${jobs.reason}` : ""}`];
}

export const GET = handle("health", async () => {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return Response.json({ status: "unavailable", database: { ok: false } }, { status: statusFor("UNAVAILABLE") });
  }
  const latencyMs = Math.round(performance.now() - started);
  const jobs = await jobQueueState().catch(() => null);
  const reasons = jobProblems(jobs);
  // Degraded, not down: webhooks are still stored and pages still answer, but background work (matching, probes)
  // is not running here, and whoever watches must see why.
  return Response.json({
    status: reasons.length ? "degraded" : "ok",
    ...(reasons.length ? { reasons } : {}),
    database: { ok: true, latencyMs },
    jobs: jobs ?? { installed: false },
    simulator: env().SIMULATOR_MODE,
  });
});
