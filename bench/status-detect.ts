// `npm run bench -- status-detect [--runs N]`: the real app (production build, jobs in process, default 15 s probe
// interval) against the simulator. Cuts one store's cloud link and measures until GET /api/v1/status says `outage`
// for it, then until `operational` after the link returns; then drops a single Cloud device API call and watches
// for any state change over four intervals (goal: none). Baseline in the same run: when the first probe result
// showed the store down (and up again), i.e. what a rule that flips on one failed probe would have said.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT, runNextBuild } from "../cli/processes.ts";
import { childEnv, setEnvForTests } from "../lib/env.ts";
import { disconnectDb, db, setDatabaseUrl } from "../lib/db.ts";
import { createApiToken } from "../lib/auth/api-tokens.ts";
import { seedDemo } from "../prisma/seed/demo.ts";
import pg from "pg";
import { DEMO_CATALOG, DEMO_STORE_IDS } from "../sim/catalog.ts";
import { option, table } from "./cli.ts";
import { say, simControl, startStack, startStackApp, type Stack } from "./status-stack.ts";

const GOAL_S = 45;
// Each run cuts another store: the same store cut and restored twice within 10 minutes is flapping by the rules
// (it stays degraded until steady), which is not what this bench measures.
const STORES = [DEMO_STORE_IDS.HAMBURG, DEMO_STORE_IDS.MUENCHEN, DEMO_STORE_IDS.AMSTERDAM, DEMO_STORE_IDS.BERLIN];

type Status = { stores: { storeId: string; state: string }[] };

async function states(url: string, token: string): Promise<Map<string, string>> {
  const res = await fetch(`${url}/api/v1/status`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /api/v1/status: HTTP ${res.status}`);
  return new Map(((await res.json()) as Status).stores.map((s) => [s.storeId, s.state]));
}

async function until(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`condition not met within ${limitMs / 1000} s`);
}

async function offlineInCloud(stack: Stack, store: string, want: boolean): Promise<boolean> {
  const res = await fetch(
    `${stack.simUrl}/v1/merchants/${DEMO_CATALOG.merchantAccount}/connectedDevices?store=${store}`,
    {
      headers: { "x-api-key": stack.simApiKey },
    },
  );
  const ids = ((await res.json()) as { uniqueDeviceIds?: string[] }).uniqueDeviceIds ?? [];
  return want ? ids.length === 0 : ids.length > 0;
}

/** Seconds from `since` until a probe cycle first recorded the store with this outcome (2 down, 0 up). */
async function firstResult(stack: Stack, store: string, outcome: number, since: Date): Promise<number> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ at: Date | null }>(
      `SELECT min(r.started_at + make_interval(secs => r.duration_ms / 1000.0)) AS at
       FROM status_probe_runs r JOIN status_store_keys k ON k.store_id = $1
       WHERE r.kind = 'cloud_link' AND r.ok AND r.started_at >= $2 AND r.outcomes[k.key] = $3`,
      [store, since, outcome],
    );
    const at = r.rows[0]?.at;
    return at ? (at.getTime() - since.getTime()) / 1000 : Number.NaN;
  } finally {
    await client.end();
  }
}

const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(", ");
const max = (xs: number[]) => Math.max(...xs);

export async function runStatusDetectBench(args: string[]): Promise<void> {
  const runs = Math.min(STORES.length, option(args, "runs", 3));
  const nextauthSecret = randomBytes(32).toString("base64url");
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    say("no production build: running next build…");
    await runNextBuild(childEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: nextauthSecret }));
  }
  const stack = await startStack("status-detect");
  try {
    setDatabaseUrl(stack.databaseUrl);
    setEnvForTests({ LOG_LEVEL: "warn" });
    await seedDemo(db());
    const { token } = await createApiToken({ name: "bench", role: "admin", storeIds: [] }, "system");
    await disconnectDb();
    const url = await startStackApp(stack, nextauthSecret, { STATUS_PROBE_INTERVAL_S: "15" });
    say(`app at ${url}, simulator at ${stack.simUrl}; probes every 15 s (default). Waiting for the first verdicts…`);
    await until(async () => [...(await states(url, token)).values()].every((s) => s === "operational"), 120_000);

    const detect: number[] = [];
    const recover: number[] = [];
    const rawDown: number[] = [];
    const rawUp: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const STORE = STORES[i - 1] as string;
      // Start at a random point of the probe cycle, as a real outage would.
      await new Promise((r) => setTimeout(r, Math.random() * 15_000));
      await simControl(stack, "/_sim/outages", { storeId: STORE, active: true });
      const cutAt = new Date();
      const [, seen] = await Promise.all([
        until(() => offlineInCloud(stack, STORE, true), 10_000),
        until(async () => (await states(url, token)).get(STORE) === "outage", 120_000),
      ]);
      rawDown.push(await firstResult(stack, STORE, 2, cutAt));
      detect.push(seen);
      await new Promise((r) => setTimeout(r, Math.random() * 15_000));
      await simControl(stack, "/_sim/outages", { storeId: STORE, active: false });
      const backAt = new Date();
      const [, back] = await Promise.all([
        until(() => offlineInCloud(stack, STORE, false), 10_000),
        until(async () => (await states(url, token)).get(STORE) === "operational", 120_000),
      ]);
      rawUp.push(await firstResult(stack, STORE, 0, backAt));
      recover.push(back);
      say(`run ${i} (${STORE}): outage after ${seen.toFixed(1)} s, operational again after ${back.toFixed(1)} s`);
    }

    const changes: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const before = await states(url, token);
      await simControl(stack, "/_sim/faults/drop-connection", { count: 1, family: "device" });
      let changed = 0;
      const end = Date.now() + 60_000;
      while (Date.now() < end) {
        const now = await states(url, token);
        for (const [id, s] of now) if (before.get(id) !== s) changed++;
        await new Promise((r) => setTimeout(r, 1_000));
      }
      changes.push(changed);
      say(`dropped call ${i}: ${changed} state changes in the next 60 s`);
    }

    say("");
    say(`status-detect: ${runs} runs (one store each), probe interval 15 s`);
    say(
      table([
        ["measure", "runs (s)", "worst", "goal", "baseline: first probe result (s)"],
        ["cut → outage in /api/v1/status", fmt(detect), `${max(detect).toFixed(1)} s`, `≤ ${GOAL_S} s`, fmt(rawDown)],
        ["link back → operational", fmt(recover), `${max(recover).toFixed(1)} s`, `≤ ${GOAL_S} s`, fmt(rawUp)],
        ["one dropped call → state changes", changes.join(", "), String(max(changes)), "0", "—"],
      ]),
    );
  } finally {
    await stack.cleanUp();
  }
}
