// `npm run bench -- terminal-sync [--stores N] [--per-store N] [--concurrency N] [--rate-limit N]`: the terminal
// sync against the simulator serving a generated fleet (default 2,000 stores × 10 terminals), into a fresh migrated
// embedded PostgreSQL. First the floor: the same GETs with plain fetch, as many in flight, nothing parsed or
// stored. Then a full sync and an incremental one after settings changed for 1% of the stores. Prints time, calls,
// most calls in flight and peak memory (this process + PostgreSQL) beside the goal. Asserts nothing.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startSimulatorProcess } from "../cli/processes.ts";
import { createAdyen } from "../lib/adyen/client.ts";
import { ensureEmbeddedDatabase, freePort } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { db, disconnectDb, setDatabaseUrl } from "../lib/db.ts";
import { setEnvForTests } from "../lib/env.ts";
import { runTerminalSync, type SyncReport } from "../lib/runbook/terminals/sync.ts";
import { mapLimited, Pool } from "../lib/runbook/terminals/pool.ts";
import { generateFleet } from "../sim/fleet.ts";
import { mb, startMemorySampler } from "./memory-sampler.ts";
import { option, table } from "./cli.ts";
import { cleanups as newCleanups } from "./cleanups.ts";

const say = (msg: string) => process.stdout.write(`${msg}\n`);
const GOAL = { seconds: 60, inFlight: 10 };

/** The transport floor: every GET of a full sync, `concurrency` in flight, bodies read and dropped. */
async function floor(simUrl: string, apiKey: string, o: { stores: number; perStore: number; concurrency: number }) {
  const fleet = generateFleet({ stores: o.stores, terminalsPerStore: o.perStore });
  const headers = { "x-api-key": apiKey, accept: "application/json" };
  const paths = [
    ...Array.from({ length: Math.ceil(o.stores / 100) }, (_, i) => `/v3/stores?pageNumber=${i + 1}&pageSize=100`),
    ...Array.from(
      { length: Math.ceil(fleet.terminals.length / 100) },
      (_, i) => `/v3/terminals?pageNumber=${i + 1}&pageSize=100`,
    ),
    `/v3/companies/${fleet.companyId}/terminalSettings`,
    `/v3/merchants/${fleet.merchantAccount}/terminalSettings`,
    ...fleet.stores.map((s) => `/v3/stores/${s.id}/terminalSettings`),
    ...fleet.terminals.map((t) => `/v3/terminals/${t.id}/terminalSettings`),
  ];
  const pool = new Pool(o.concurrency);
  const started = performance.now();
  await mapLimited(paths, o.concurrency, (p) =>
    pool.run(async () => {
      const res = await fetch(`${simUrl}${p}`, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    }),
  );
  return { calls: paths.length, ms: performance.now() - started };
}

function row(name: string, r: SyncReport, peak: number): string[] {
  return [
    name,
    r.status,
    `${(r.ms / 1000).toFixed(1)} s`,
    String(r.calls),
    String(r.throttled),
    String(r.peakInFlight),
    `${r.terminals} / ${r.settingsRead}`,
    mb(peak),
  ];
}

const SYNC_HEADER = [
  "run",
  "status",
  "time",
  "calls",
  "429s",
  "max in flight",
  "terminals / settings read",
  "peak memory",
];

export async function runTerminalSyncBench(args: string[]): Promise<void> {
  const o = {
    stores: option(args, "stores", 2000),
    perStore: option(args, "per-store", 10),
    concurrency: option(args, "concurrency", GOAL.inFlight),
    rateLimit: option(args, "rate-limit", 0, true),
  };
  setEnvForTests({ LOG_LEVEL: "warn" });
  const dir = await mkdtemp(path.join(os.tmpdir(), "ops-bench-sync-"));
  const cleanups = newCleanups();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  try {
    const database = await ensureEmbeddedDatabase(dir, () => undefined);
    cleanups.push(() => database.stop());
    await migrate(database.url);
    setDatabaseUrl(database.url);
    cleanups.push(() => disconnectDb());

    const apiKey = randomBytes(18).toString("base64url");
    const secrets = path.join(dir, "sim-secrets.json");
    await writeFile(secrets, JSON.stringify({ apiKey, hmacKey: randomBytes(32).toString("hex") }), { mode: 0o600 });
    const simProcess = startSimulatorProcess(
      [
        "--port",
        String(await freePort()),
        "--secrets-file",
        secrets,
        "--quiet",
        "--fleet",
        `${o.stores}x${o.perStore}`,
      ],
      (line) => say(`[sim] ${line}`),
    );
    cleanups.push(() => simProcess.stop());
    const sim = { url: await simProcess.ready };
    if (o.rateLimit > 0) {
      await fetch(`${sim.url}/_sim/faults/rate-limit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ family: "management", limit: o.rateLimit, windowMs: 1000 }),
      });
    }
    const adyen = createAdyen({
      apiKey,
      merchantAccount: undefined,
      environment: "TEST",
      liveUrlPrefix: undefined,
      region: "EU",
      baseUrl: sim.url,
      timeoutMs: 15_000,
    });
    const deps = { adyen, concurrency: o.concurrency, now: () => new Date() };
    say(
      `fleet: ${o.stores} stores × ${o.perStore} terminals; ${o.concurrency} calls in flight at most${o.rateLimit ? `; rate limit ${o.rateLimit}/s` : ""}`,
    );

    const base = o.rateLimit > 0 ? null : await floor(sim.url, apiKey, o);
    if (base)
      say(
        `floor (plain fetch, same GETs, nothing parsed or stored): ${base.calls} calls in ${(base.ms / 1000).toFixed(1)} s`,
      );

    const fullMem = startMemorySampler(dir);
    const full = await runTerminalSync({ mode: "full", requestedBy: "bench" }, deps);
    const fullPeak = fullMem.stop().peakTotal;

    // Settings change for 1% of the stores, as an admin would in Adyen's Customer Area between two runs.
    const changed = generateFleet({ stores: o.stores, terminalsPerStore: o.perStore }).stores.filter(
      (_, i) => i % 100 === 5,
    );
    for (const s of changed) {
      await fetch(`${sim.url}/v3/stores/${s.id}/terminalSettings`, {
        method: "PATCH",
        headers: { "x-api-key": apiKey, "content-type": "application/json" },
        body: JSON.stringify({ standalone: { enableStandalone: true, currencyCode: "EUR" } }),
      });
    }
    const incMem = startMemorySampler(dir);
    const incremental = await runTerminalSync({ mode: "incremental", requestedBy: "bench" }, deps);
    const incPeak = incMem.stop().peakTotal;
    const stored = await db().terminal.count({ where: { removedAt: null } });

    say("");
    say(
      table([
        SYNC_HEADER,
        row("full sync", full, fullPeak),
        row(`incremental (${changed.length} stores changed)`, incremental, incPeak),
      ]),
    );
    if (base) say(`floor: ${base.calls} GETs in ${(base.ms / 1000).toFixed(1)} s with the same calls in flight`);
    say(`terminals stored: ${stored}`);
    say(
      `goal: full sync ≤ ${GOAL.seconds} s with at most ${GOAL.inFlight} calls in flight → ${
        full.status === "succeeded" && full.ms <= GOAL.seconds * 1000 && full.peakInFlight <= GOAL.inFlight
          ? "met"
          : "NOT met"
      } (${(full.ms / 1000).toFixed(1)} s, max ${full.peakInFlight} in flight)`,
    );
  } finally {
    await cleanups.cleanUp();
  }
}
