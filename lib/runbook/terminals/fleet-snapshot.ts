// What one sync read from the Management API, reduced to what we keep: stores, terminals with their effective
// standalone values (and the level they come from), and the standalone values of every level for the next run.
import type { ManagementStore, ManagementTerminal, TerminalSettings } from "@/lib/adyen/management";
import {
  effectiveStandalone,
  standaloneValues,
  type SettingLevel,
  type StandaloneValues,
} from "@/lib/runbook/terminals/levels";

export type LevelValues = {
  companies: Record<string, StandaloneValues>;
  merchants: Record<string, StandaloneValues>;
  stores: Record<string, StandaloneValues>;
};

export type SyncedStore = {
  id: string;
  reference: string | null;
  name: string;
  timezone: string | null;
  country: string | null;
  currency: string | null;
  merchantId: string | null;
};

export type SyncedTerminal = {
  id: string;
  storeId: string | null;
  merchantId: string | null;
  companyId: string | null;
  model: string | null;
  serialNumber: string | null;
  firmwareVersion: string | null;
  assignmentStatus: string | null;
  lastActivityAt: Date | null;
  lastTransactionAt: Date | null;
  standaloneEnabled: boolean | null;
  standaloneCurrency: string | null;
  standaloneLevel: SettingLevel | null;
  settingsSyncedAt: Date | null;
};

export function toSyncedStore(s: ManagementStore, settings: TerminalSettings | undefined): SyncedStore {
  return {
    id: s.id ?? "",
    reference: s.reference ?? null,
    name: s.description || s.reference || s.id || "",
    timezone: settings?.localization?.timezone ?? null,
    country: s.address?.country ?? null,
    currency: settings?.standalone?.currencyCode ?? null,
    merchantId: s.merchantId ?? null,
  };
}

const asDate = (v: Date | string | undefined): Date | null => (v ? new Date(v) : null);

export type TerminalFacts = Omit<
  SyncedTerminal,
  "standaloneEnabled" | "standaloneCurrency" | "standaloneLevel" | "settingsSyncedAt"
>;

export function terminalFacts(t: ManagementTerminal): TerminalFacts {
  const a = t.assignment;
  return {
    id: t.id ?? "",
    storeId: a?.storeId ?? null,
    merchantId: a?.merchantId ?? null,
    companyId: a?.companyId ?? null,
    model: t.model ?? null,
    serialNumber: t.serialNumber ?? null,
    firmwareVersion: t.firmwareVersion ?? null,
    assignmentStatus: a?.status ?? null,
    lastActivityAt: asDate(t.lastActivityAt),
    lastTransactionAt: asDate(t.lastTransactionAt),
  };
}

/** The terminal's effective values with the level they come from, given every level's values. */
export function withStandalone(
  facts: TerminalFacts,
  own: StandaloneValues,
  levels: LevelValues,
  settingsSyncedAt: Date | null,
): SyncedTerminal {
  const chain = {
    company: facts.companyId ? levels.companies[facts.companyId] : undefined,
    merchant: facts.merchantId ? levels.merchants[facts.merchantId] : undefined,
    store: facts.storeId ? levels.stores[facts.storeId] : undefined,
    terminal: own,
  };
  const effective = effectiveStandalone(chain);
  return {
    ...facts,
    standaloneEnabled: own.enabled,
    standaloneCurrency: own.currency,
    standaloneLevel: effective.enabled?.level ?? null,
    settingsSyncedAt,
  };
}

export { standaloneValues };
