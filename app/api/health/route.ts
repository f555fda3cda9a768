// Liveness and readiness for load balancers and people: database reachability and job queue state.
// Unauthenticated on purpose, so it says nothing that is not safe to say to anyone.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/route";
import { jobQueueState } from "@/lib/jobs/queue";

export const dynamic = "force-dynamic";

export const GET = handle("health", async () => {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return Response.json({ status: "unavailable", database: { ok: false } }, { status: 503 });
  }
  const latencyMs = Math.round(performance.now() - started);
  const jobs = await jobQueueState().catch(() => null);
  return Response.json({
    status: "ok",
    database: { ok: true, latencyMs },
    jobs: jobs ?? { installed: false, error: "could not read the job queue" },
    simulator: env().SIMULATOR_MODE,
  });
});
