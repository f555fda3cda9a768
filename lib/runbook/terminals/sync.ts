// The terminal sync: stores, terminals and effective standalone settings from the Management API into the
// terminals table. Everything is read first and written in one transaction at the end, so a sync that fails
// half-way leaves the last good data in place (and its run says why). One sync at a time across all instances.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { adyenFromEnv, type Adyen } from "@/lib/adyen/client";
import type { AdyenReadRetryOptions } from "@/lib/adyen/retry";
import type { ManagementTerminal } from "@/lib/adyen/management";
import { ManagementReader } from "@/lib/runbook/terminals/reader";
import { mapLimited } from "@/lib/runbook/terminals/pool";
import { withSyncLock } from "@/lib/runbook/terminals/sync-lock";
import { writeFleet } from "@/lib/runbook/terminals/write";
import {
  standaloneValues,
  terminalFacts,
  toSyncedStore,
  withStandalone,
  type LevelValues,
  type SyncedTerminal,
  type TerminalFacts,
} from "@/lib/runbook/terminals/fleet-snapshot";
import { planIncremental, previousSync } from "@/lib/runbook/terminals/incremental";

export type SyncMode = "full" | "incremental";
export type SyncRequest = { mode: SyncMode; storeIds?: readonly string[]; requestedBy: string };

export type SyncDeps = {
  adyen: Adyen;
  /** Calls in flight at most; Adyen rate-limits Management endpoints, so keep this small. */
  concurrency: number;
  now: () => Date;
  retry?: AdyenReadRetryOptions;
};

export const MAX_CONCURRENCY = 10;

export function defaultSyncDeps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return { adyen: adyenFromEnv(), concurrency: MAX_CONCURRENCY, now: () => new Date(), ...overrides };
}

export type SyncReport = {
  id: string | null;
  status: "succeeded" | "failed" | "skipped";
  mode: SyncMode;
  stores: number;
  terminals: number;
  settingsRead: number;
  calls: number;
  throttled: number;
  peakInFlight: number;
  ms: number;
  error?: string;
};

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

export async function runTerminalSync(req: SyncRequest, deps: SyncDeps = defaultSyncDeps()): Promise<SyncReport> {
  const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, deps.concurrency));
  const locked = await withSyncLock(() => syncLocked(req, { ...deps, concurrency }));
  return locked ?? { ...emptyReport(req.mode), status: "skipped", error: "another sync is running" };
}

function emptyReport(mode: SyncMode): SyncReport {
  return {
    id: null,
    status: "succeeded",
    mode,
    stores: 0,
    terminals: 0,
    settingsRead: 0,
    calls: 0,
    throttled: 0,
    peakInFlight: 0,
    ms: 0,
  };
}

async function syncLocked(req: SyncRequest, deps: SyncDeps): Promise<SyncReport> {
  const started = performance.now();
  // Under the lock nothing else runs: a run still marked running was cut off by a stop or crash.
  await db().terminalSync.updateMany({
    where: { status: "running" },
    data: { status: "failed", finishedAt: deps.now(), error: "interrupted: the app stopped during the sync" },
  });
  const run = await db().terminalSync.create({
    data: {
      mode: req.mode,
      storeIds: [...(req.storeIds ?? [])],
      status: "running",
      requestedBy: req.requestedBy,
      startedAt: deps.now(),
    },
  });
  const reader = new ManagementReader(deps.adyen, deps.concurrency, deps.retry);
  const counts = () => ({
    calls: reader.counters.calls,
    throttled: reader.counters.throttled,
    peakInFlight: reader.pool.peak,
    ms: Math.round(performance.now() - started),
  });
  try {
    const fleet = await readFleet(req, reader, deps);
    await writeFleet(fleet, { fullScope: req.mode === "full" && !req.storeIds?.length, now: deps.now() });
    const done = await db().terminalSync.update({
      where: { id: run.id },
      data: {
        status: "succeeded",
        finishedAt: deps.now(),
        calls: reader.counters.calls,
        throttled: reader.counters.throttled,
        stores: fleet.stores.length,
        terminals: fleet.terminals.length,
        settingsRead: fleet.settingsRead,
        levels: fleet.levels,
      },
    });
    const report: SyncReport = {
      id: run.id,
      status: "succeeded",
      mode: req.mode,
      stores: done.stores,
      terminals: done.terminals,
      settingsRead: done.settingsRead,
      ...counts(),
    };
    log.info("terminals.synced", { ...report });
    return report;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await db().terminalSync.update({
      where: { id: run.id },
      data: {
        status: "failed",
        finishedAt: deps.now(),
        error: error.slice(0, 500),
        calls: reader.counters.calls,
        throttled: reader.counters.throttled,
      },
    });
    log.error("terminals.sync_failed", { syncId: run.id, mode: req.mode, error });
    return { ...emptyReport(req.mode), id: run.id, status: "failed", error, ...counts() };
  }
}

export type Fleet = {
  stores: ReturnType<typeof toSyncedStore>[];
  terminals: SyncedTerminal[];
  levels: LevelValues;
  settingsRead: number;
};

async function readFleet(req: SyncRequest, reader: ManagementReader, deps: SyncDeps): Promise<Fleet> {
  const scope = req.storeIds?.length ? req.storeIds : undefined;
  const [stores, listed] = await Promise.all([
    scope ? reader.getStores(scope) : reader.listAllStores(),
    reader.listAllTerminals(scope),
  ]);
  const facts = listed.filter((t: ManagementTerminal) => t.id).map(terminalFacts);
  const storeIds = unique([...stores.map((s) => s.id), ...facts.map((t) => t.storeId)]);
  const merchantIds = unique([...facts.map((t) => t.merchantId), ...stores.map((s) => s.merchantId)]);
  const companyIds = unique(facts.map((t) => t.companyId));
  const limit = reader.pool.limit;
  const [companySettings, merchantSettings, storeSettings] = await Promise.all([
    mapLimited(companyIds, limit, (companyId) => reader.settings({ level: "company", companyId })),
    mapLimited(merchantIds, limit, (merchantId) => reader.settings({ level: "merchant", merchantId })),
    mapLimited(storeIds, limit, (storeId) => reader.settings({ level: "store", storeId })),
  ]);
  const levels: LevelValues = {
    companies: Object.fromEntries(companyIds.map((id, i) => [id, standaloneValues(companySettings[i] ?? {})])),
    merchants: Object.fromEntries(merchantIds.map((id, i) => [id, standaloneValues(merchantSettings[i] ?? {})])),
    stores: Object.fromEntries(storeIds.map((id, i) => [id, standaloneValues(storeSettings[i] ?? {})])),
  };
  const settingsByStore = new Map(storeIds.map((id, i) => [id, storeSettings[i]]));
  const syncedStores = stores.filter((s) => s.id).map((s) => toSyncedStore(s, settingsByStore.get(s.id ?? "")));

  const plan =
    req.mode === "incremental"
      ? await planIncremental(facts, levels, await previousSync(), deps.now())
      : { read: facts, carried: [] as SyncedTerminal[] };
  const now = deps.now();
  const read = await mapLimited(plan.read, limit, async (t: TerminalFacts) =>
    withStandalone(t, standaloneValues(await reader.settings({ level: "terminal", terminalId: t.id })), levels, now),
  );
  const carried = plan.carried.map((t) =>
    withStandalone(t, { enabled: t.standaloneEnabled, currency: t.standaloneCurrency }, levels, t.settingsSyncedAt),
  );
  return { stores: syncedStores, terminals: [...read, ...carried], levels, settingsRead: read.length };
}
