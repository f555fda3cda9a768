// Which terminals an incremental sync reads the settings of. The lists (stores, terminals) and the company,
// merchant and store settings are always read; a terminal's own settings only when something says they may have
// changed: it is new, it moved, a level above it changed since the last run, or its settings are older than a day
// (which also catches an override made for that one terminal in Adyen's Customer Area).
import { db } from "@/lib/db";
import type { LevelValues, SyncedTerminal, TerminalFacts } from "@/lib/runbook/terminals/fleet-snapshot";
import type { StandaloneValues } from "@/lib/runbook/terminals/levels";

export const SETTINGS_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type StoredTerminal = {
  id: string;
  storeId: string | null;
  merchantId: string | null;
  companyId: string | null;
  standaloneEnabled: boolean | null;
  standaloneCurrency: string | null;
  settingsSyncedAt: Date | null;
  removedAt: Date | null;
};

export type PreviousSync = { levels: LevelValues | null; terminals: Map<string, StoredTerminal> };

/** The newest whole-fleet run's level values, and what the table holds now. */
export async function previousSync(): Promise<PreviousSync> {
  const [last, rows] = await Promise.all([
    db().terminalSync.findFirst({
      where: { status: "succeeded", storeIds: { isEmpty: true } },
      orderBy: { startedAt: "desc" },
      select: { levels: true },
    }),
    db().terminal.findMany({
      select: {
        id: true,
        storeId: true,
        merchantId: true,
        companyId: true,
        standaloneEnabled: true,
        standaloneCurrency: true,
        settingsSyncedAt: true,
        removedAt: true,
      },
    }),
  ]);
  return { levels: (last?.levels as LevelValues | null) ?? null, terminals: new Map(rows.map((r) => [r.id, r])) };
}

const same = (a: StandaloneValues | undefined, b: StandaloneValues | undefined) =>
  a !== undefined && b !== undefined && a.enabled === b.enabled && a.currency === b.currency;

export function planIncremental(
  facts: readonly TerminalFacts[],
  levels: LevelValues,
  previous: PreviousSync,
  now: Date,
): { read: TerminalFacts[]; carried: SyncedTerminal[] } {
  const before = previous.levels;
  const unchanged = (kind: keyof LevelValues, id: string | null) =>
    id === null || (before !== null && same(before[kind][id], levels[kind][id]));
  const read: TerminalFacts[] = [];
  const carried: SyncedTerminal[] = [];
  for (const t of facts) {
    const stored = previous.terminals.get(t.id);
    const fresh =
      stored !== undefined &&
      stored.removedAt === null &&
      stored.storeId === t.storeId &&
      stored.merchantId === t.merchantId &&
      stored.standaloneEnabled !== null &&
      stored.settingsSyncedAt !== null &&
      now.getTime() - stored.settingsSyncedAt.getTime() < SETTINGS_MAX_AGE_MS &&
      unchanged("companies", t.companyId) &&
      unchanged("merchants", t.merchantId) &&
      unchanged("stores", t.storeId);
    if (!fresh || !stored) {
      read.push(t);
      continue;
    }
    carried.push({
      ...t,
      standaloneEnabled: stored.standaloneEnabled,
      standaloneCurrency: stored.standaloneCurrency,
      standaloneLevel: null,
      settingsSyncedAt: stored.settingsSyncedAt,
    });
  }
  return { read, carried };
}
