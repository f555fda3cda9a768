// What GET /api/health answers. Anyone (a load balancer, a monitor) gets the state alone: `ok`, `degraded` or
// `down`. The reasons, the database latency, the job queue and the mode are for people who run the app: admins
// and engineering, signed in or with an API token.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { can, type Actor } from "@/lib/auth/permissions";
import { jobQueueState, type JobQueueState } from "@/lib/jobs/queue";

export type HealthState = "ok" | "degraded" | "down";

export type HealthDetails = {
  status: HealthState;
  reasons?: string[];
  database: { ok: boolean; latencyMs?: number };
  jobs?: JobQueueState | { installed: false };
  simulator?: boolean;
};

function jobProblems(jobs: JobQueueState | null): string[] {
  if (!jobs) return ["the job queue could not be read"];
  if (!env().JOBS_IN_PROCESS) return []; // `ops worker` runs them elsewhere
  if (jobs.workers === "running") return [];
  return [`background jobs are ${jobs.workers}${jobs.reason ? `: ${jobs.reason}` : ""}`];
}

async function checkHealth(): Promise<HealthDetails> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return { status: "down", database: { ok: false } };
  }
  const latencyMs = Math.round(performance.now() - started);
  const jobs = await jobQueueState().catch(() => null);
  const reasons = jobProblems(jobs);
  // Degraded, not down: webhooks are still stored and pages still answer, but background work (matching, probes)
  // is not running here, and whoever watches must see why.
  return {
    status: reasons.length ? "degraded" : "ok",
    ...(reasons.length ? { reasons } : {}),
    database: { ok: true, latencyMs },
    jobs: jobs ?? { installed: false },
    simulator: env().SIMULATOR_MODE,
  };
}

/** The health as the caller may see it: the state only, unless they may read the details. */
export async function readHealth(caller: Actor | null): Promise<HealthDetails | { status: HealthState }> {
  const health = await checkHealth();
  return caller && can(caller, "health.details") ? health : { status: health.status };
}
