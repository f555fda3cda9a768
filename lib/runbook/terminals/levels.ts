// Which level a terminal's effective standalone setting comes from. Adyen's terminal settings inherit company →
// merchant → store → terminal, and GET …/terminalSettings answers every level with its *effective* settings, never
// with where a value was set. Comparing the effective values level by level tells it: the value comes from the
// lowest level whose effective value differs from the level above.
//
// Limit, inherent to the API: an override that repeats the inherited value (a store set to "on" under a merchant
// that is "on" too) cannot be told from inheritance, and is reported at the higher level. That is also the level
// whose change would reach the terminal while the values agree.

export const SETTING_LEVELS = ["company", "merchant", "store", "terminal"] as const;
export type SettingLevel = (typeof SETTING_LEVELS)[number];

export type StandaloneValues = { enabled: boolean | null; currency: string | null };

/** Effective values per level; a level that does not apply (no store) or was not read is left out. */
export type LevelChain = Partial<Record<SettingLevel, StandaloneValues>>;

export type Effective<T> = { value: T; level: SettingLevel };

function sourceLevel<T>(chain: LevelChain, pick: (v: StandaloneValues) => T): Effective<T> | null {
  let result: Effective<T> | null = null;
  for (const level of SETTING_LEVELS) {
    const values = chain[level];
    if (!values) continue;
    const value = pick(values);
    if (!result || value !== result.value) result = { value, level };
  }
  return result;
}

/** The terminal's own value with the level it comes from, for `enabled` and for `currency`. */
export function effectiveStandalone(chain: LevelChain): {
  enabled: Effective<boolean | null> | null;
  currency: Effective<string | null> | null;
} {
  return {
    enabled: sourceLevel(chain, (v) => v.enabled),
    currency: sourceLevel(chain, (v) => v.currency),
  };
}

/** Reads `standalone` out of a TerminalSettings answer; missing parameters are null (inherited as absent). */
export function standaloneValues(settings: {
  standalone?: { enableStandalone?: boolean; currencyCode?: string } | null;
}) {
  const s = settings.standalone;
  return { enabled: s?.enableStandalone ?? null, currency: s?.currencyCode ?? null } satisfies StandaloneValues;
}
