// GET /api/health as callers see it: anyone gets the state alone; admins and engineering also get why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { disconnectDb, setDatabaseUrl } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/lib/testing/database";
import { makeStore } from "@/prisma/seed/factories";

const database = withTestDatabase();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  setEnvForTests({ LOG_LEVEL: "silent", SIMULATOR_MODE: "true" });
  const store = await makeStore("STHEALTH");
  for (const role of ["engineering", "admin", "finance", "store_manager"] as const)
    tokens[role] = (await createApiToken({ name: role, role, storeIds: [store.id] }, "system")).token;
});
afterAll(() => setEnvForTests({}));

const health = async (token?: string) => {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await GET(new Request("http://localhost/api/health", { headers }), undefined);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("GET /api/health", () => {
  it("tells an anonymous caller the state and nothing else: no reasons, no job queue, no mode", async () => {
    // The job workers are not running in this process: degraded, for a reason only operators get to read.
    expect(await health()).toEqual({ status: 200, body: { status: "degraded" } });
    setEnvForTests({ LOG_LEVEL: "silent", SIMULATOR_MODE: "true", JOBS_IN_PROCESS: "false" });
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    setEnvForTests({ LOG_LEVEL: "silent", SIMULATOR_MODE: "true" });
  });

  it("gives admins and engineering the reasons, the database, the job queue and the mode", async () => {
    for (const role of ["engineering", "admin"]) {
      const { status, body } = await health(tokens[role]);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        status: "degraded",
        reasons: [expect.stringMatching(/^background jobs are stopped/)],
        database: { ok: true, latencyMs: expect.any(Number) },
        jobs: { installed: expect.any(Boolean), workers: "stopped" },
        simulator: true,
      });
    }
  });

  it("gives other roles the state only, and refuses a wrong token", async () => {
    for (const role of ["finance", "store_manager"])
      expect(await health(tokens[role])).toEqual({ status: 200, body: { status: "degraded" } });
    expect((await health("ops_not-a-token")).status).toBe(401);
  });

  it("says down, with 503, when the database does not answer", async () => {
    await disconnectDb();
    setDatabaseUrl("postgresql://nobody:nothing@127.0.0.1:1/none");
    try {
      expect(await health()).toEqual({ status: 503, body: { status: "down" } });
    } finally {
      await disconnectDb();
      setDatabaseUrl(database().url);
    }
  });
});
