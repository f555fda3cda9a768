// Liveness and readiness for load balancers and people. Anonymous on purpose: anyone gets the state alone
// (200 `ok` / `degraded`, 503 `down`); admins and engineering (session or token) also get the reasons behind it.
import { optionalApiPrincipal } from "@/lib/auth/session";
import { statusFor } from "@/lib/errors";
import { readHealth } from "@/lib/health";
import { handle } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = handle("health", async (req) => {
  const health = await readHealth(await optionalApiPrincipal(req));
  const status = health.status === "down" ? statusFor("UNAVAILABLE") : 200;
  return Response.json(health, { status, headers: { "cache-control": "no-store" } });
});
