// Terminal settings per level (Adyen PSP defaults → company → merchant → store → terminal) and their inheritance.
import type { Catalog, CatalogTerminal } from "../catalog";

export const SETTINGS_SECTIONS = [
  "cardholderReceipt",
  "connectivity",
  "dcc",
  "gratuities",
  "hardware",
  "homeScreen",
  "kioskMode",
  "localization",
  "moto",
  "nexo",
  "offlineProcessing",
  "opi",
  "passcodes",
  "payAtTable",
  "payment",
  "receiptOptions",
  "receiptPrinting",
  "refunds",
  "signature",
  "standalone",
  "storeAndForward",
  "surcharge",
  "tapToPay",
  "terminalInstructions",
  "timeouts",
  "wifiProfiles",
] as const;

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
/** One level's overrides: a section present here replaces what the level above says, parameter by parameter. */
export type SettingsDoc = Partial<Record<SettingsSection, unknown>>;

export type SettingsLevel =
  | { readonly kind: "company" }
  | { readonly kind: "merchant" }
  | { readonly kind: "store"; readonly storeId: string }
  | { readonly kind: "terminal"; readonly terminal: CatalogTerminal };

export interface SettingsLevels {
  company: SettingsDoc;
  merchant: SettingsDoc;
  readonly stores: Map<string, SettingsDoc>;
  readonly terminals: Map<string, SettingsDoc>;
}

/** What a terminal gets when nobody configured anything (Adyen's PSP level). */
const PSP_DEFAULTS: SettingsDoc = {
  standalone: { enableStandalone: false, enableGratuities: false },
  offlineProcessing: { chipFloorLimit: 0 },
  signature: { askSignatureOnScreen: true, skipSignature: false },
  receiptPrinting: { merchantApproved: true, merchantRefused: true, shopperApproved: true, shopperRefused: true },
  timeouts: { fromActiveToSleep: 30 },
  hardware: { displayMaximumBackLight: 75, restartHour: 5 },
  localization: { language: "en" },
};

export function createSettingsLevels(catalog: Catalog): SettingsLevels {
  const stores = new Map<string, SettingsDoc>();
  for (const s of catalog.stores) {
    const doc: SettingsDoc = { localization: { language: s.language, timezone: s.timezone } };
    if (s.standalone) doc.standalone = { ...s.standalone };
    stores.set(s.id, doc);
  }
  const terminals = new Map<string, SettingsDoc>();
  for (const t of catalog.terminals) {
    if (t.standaloneOverride !== undefined)
      terminals.set(t.id, { standalone: { enableStandalone: t.standaloneOverride } });
  }
  const merchant: SettingsDoc = catalog.merchantStandalone ? { standalone: { ...catalog.merchantStandalone } } : {};
  return { company: { standalone: { ...catalog.companyStandalone } }, merchant, stores, terminals };
}

function docsFromTop(levels: SettingsLevels, level: SettingsLevel): SettingsDoc[] {
  const chain = [PSP_DEFAULTS, levels.company];
  if (level.kind === "company") return chain;
  chain.push(levels.merchant);
  if (level.kind === "merchant") return chain;
  const storeId = level.kind === "store" ? level.storeId : level.terminal.storeId;
  if (storeId !== null) chain.push(levels.stores.get(storeId) ?? {});
  if (level.kind === "terminal") chain.push(levels.terminals.get(level.terminal.id) ?? {});
  return chain;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

export function effectiveSettings(levels: SettingsLevels, level: SettingsLevel): SettingsDoc {
  const out: SettingsDoc = {};
  for (const doc of docsFromTop(levels, level)) {
    for (const section of SETTINGS_SECTIONS) {
      const value = doc[section];
      if (isEmptyValue(value)) continue;
      const above = out[section];
      out[section] = isPlainObject(value) && isPlainObject(above) ? { ...above, ...value } : value;
    }
  }
  return out;
}

function levelDoc(levels: SettingsLevels, level: SettingsLevel): SettingsDoc {
  switch (level.kind) {
    case "company":
      return levels.company;
    case "merchant":
      return levels.merchant;
    case "store":
      return mapDoc(levels.stores, level.storeId);
    case "terminal":
      return mapDoc(levels.terminals, level.terminal.id);
  }
}

function mapDoc(map: Map<string, SettingsDoc>, id: string): SettingsDoc {
  let doc = map.get(id);
  if (!doc) {
    doc = {};
    map.set(id, doc);
  }
  return doc;
}

/**
 * Adyen's PATCH semantics: a section sent replaces that section at this level; parameters left out or sent
 * empty are no longer overridden here and inherit again. Sections not sent stay as they were.
 */
export function applySettingsPatch(levels: SettingsLevels, level: SettingsLevel, patch: SettingsDoc): void {
  const doc = levelDoc(levels, level);
  for (const section of SETTINGS_SECTIONS) {
    if (!(section in patch)) continue;
    const value = patch[section];
    const kept = isPlainObject(value)
      ? Object.fromEntries(Object.entries(value).filter(([, v]) => !isEmptyValue(v)))
      : value;
    if (isEmptyValue(kept) || (isPlainObject(kept) && Object.keys(kept).length === 0)) delete doc[section];
    else doc[section] = kept;
  }
}
