// Shapes of the demo catalog: the simulator serves it over Adyen's APIs and the app seeds its demo stores from it.

/** Adyen's API model codes (Terminal.model); the terminal id is `${model}-${serialNumber}`. */
export const TERMINAL_MODELS = {
  V400m: { brand: "Verifone", displayName: "V400m", hasPrinter: true },
  V400cPlus: { brand: "Verifone", displayName: "V400c Plus", hasPrinter: true },
  V240mPlus: { brand: "Verifone", displayName: "V240m Plus", hasPrinter: true },
  P400Plus: { brand: "Verifone", displayName: "P400 Plus", hasPrinter: false },
  e280: { brand: "Verifone", displayName: "e280", hasPrinter: false },
  S1F2: { brand: "Castles", displayName: "S1F2", hasPrinter: true },
  S1F2L: { brand: "Castles", displayName: "S1F2L", hasPrinter: true },
  S1E: { brand: "Castles", displayName: "S1E", hasPrinter: false },
  AMS1: { brand: "Castles", displayName: "AMS1", hasPrinter: false },
} as const satisfies Record<string, { brand: string; displayName: string; hasPrinter: boolean }>;

export type TerminalModel = keyof typeof TERMINAL_MODELS;

/** Adyen documents built-in printers on exactly these models; standalone receipts need one. */
export const PRINTER_MODELS: readonly TerminalModel[] = Object.freeze(
  (Object.keys(TERMINAL_MODELS) as TerminalModel[]).filter((m) => TERMINAL_MODELS[m].hasPrinter),
);

export function hasBuiltInPrinter(model: string): boolean {
  return (PRINTER_MODELS as readonly string[]).includes(model);
}

/** The `brand.model` form that GET /v3/terminals expects in `brandModels`. */
export function brandModelOf(model: TerminalModel): string {
  return `${TERMINAL_MODELS[model].brand}.${model}`;
}

/** Mirrors Management API `Standalone`: all fields optional because a level may override only some. */
export interface StandaloneSettings {
  readonly enableStandalone?: boolean;
  readonly currencyCode?: string;
  readonly enableGratuities?: boolean;
}

export interface CatalogStore {
  readonly id: string;
  readonly reference: string;
  /** Human name for the app's store list; Adyen's Store object has no such field. */
  readonly name: string;
  readonly city: string;
  readonly country: "DE" | "NL";
  readonly timezone: "Europe/Berlin" | "Europe/Amsterdam";
  readonly currency: "EUR";
  readonly address: { readonly line1: string; readonly postalCode: string; readonly city: string };
  readonly phoneNumber: string;
  readonly shopperStatement: string;
  /** Store-level terminal settings override; absent = inherit from merchant/company. */
  readonly standalone?: StandaloneSettings;
  readonly language: string;
  /** The boarded terminal of this store that the app's synthetic DiagnosisRequest probe targets. */
  readonly probeTerminalId?: string;
}

export type AssignmentStatus = "boarded" | "deployed" | "inventory";

export interface CatalogTerminal {
  readonly id: string;
  readonly model: TerminalModel;
  readonly serialNumber: string;
  readonly firmwareVersion: string;
  /** null while the terminal sits in the company's inventory (not assigned to a store). */
  readonly storeId: string | null;
  readonly status: AssignmentStatus;
  readonly network: "wifi" | "ethernet" | "cellular";
  /** Terminal-level override of `standalone.enableStandalone`; absent = inherit. */
  readonly standaloneOverride?: boolean;
}

export interface Catalog {
  readonly companyId: string;
  readonly merchantAccount: string;
  readonly stores: readonly CatalogStore[];
  readonly terminals: readonly CatalogTerminal[];
  /** The terminal the app's synthetic Diagnosis probe targets. */
  readonly probeTerminalId: string;
  /** Company-level terminal settings; lower levels inherit them. */
  readonly companyStandalone: StandaloneSettings;
  /** Merchant-level standalone override; absent = inherit from the company. */
  readonly merchantStandalone?: StandaloneSettings;
}
