// A large generated catalog (thousands of stores, tens of thousands of terminals) for the terminal sync and probe
// benchmarks (`--fleet 2000x10`). Every terminal is boarded, the first of each store is its probe terminal, and
// standalone is set at every level somewhere. Deterministic: the same size always yields the same ids, models and
// settings, so runs compare.
import { createHash } from "node:crypto";
import { DEMO_CATALOG } from "./catalog";
import type { Catalog, CatalogStore, CatalogTerminal, TerminalModel } from "./catalog-types";

export interface FleetSize {
  readonly stores: number;
  readonly terminalsPerStore: number;
}

const MODELS: readonly TerminalModel[] = ["V400m", "V400cPlus", "P400Plus", "S1F2", "S1F2L", "AMS1", "e280", "S1E"];
const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function hashed(seed: string): Buffer {
  return createHash("sha256").update(seed).digest();
}

/** Adyen store ids are "ST" and 23 upper-case letters and digits. */
function storeId(i: number): string {
  const h = hashed(`fleet-store-${i}`);
  let id = "ST";
  for (let k = 0; k < 23; k++) id += ID_ALPHABET[(h[k % h.length] ?? 0) % ID_ALPHABET.length];
  return id;
}

function serial(storeIndex: number, k: number): string {
  return String(100_000_000 + storeIndex * 1_000 + k);
}

function fleetStore(i: number): CatalogStore {
  const dutch = i % 5 === 0;
  const city = dutch ? "Rotterdam" : "Köln";
  const store: CatalogStore = {
    id: storeId(i),
    reference: `fleet-${String(i + 1).padStart(5, "0")}`,
    name: `${city} ${i + 1}`,
    city,
    country: dutch ? "NL" : "DE",
    timezone: dutch ? "Europe/Amsterdam" : "Europe/Berlin",
    currency: "EUR",
    address: { line1: `Hauptstraße ${(i % 200) + 1}`, postalCode: String(50_000 + (i % 9_000)), city },
    phoneNumber: `+49221${String(1_000_000 + i)}`,
    shopperStatement: `FLEET ${i + 1}`,
    language: dutch ? "nl" : "de",
  };
  // A third of the stores switch standalone on at store level; one in ten switches it off explicitly.
  if (i % 3 === 0) return { ...store, standalone: { enableStandalone: true, currencyCode: "EUR" } };
  if (i % 10 === 1) return { ...store, standalone: { enableStandalone: false } };
  return store;
}

function fleetTerminal(storeIndex: number, k: number, store: CatalogStore): CatalogTerminal {
  const model = MODELS[(storeIndex + k) % MODELS.length] ?? "V400m";
  const serialNumber = serial(storeIndex, k);
  const t: CatalogTerminal = {
    id: `${model}-${serialNumber}`,
    model,
    serialNumber,
    firmwareVersion: DEMO_CATALOG.terminals.find((d) => d.model === model)?.firmwareVersion ?? "Verifone_VOS 1.97.6",
    storeId: store.id,
    status: "boarded",
    network: (["wifi", "ethernet", "cellular"] as const)[k % 3] ?? "wifi",
  };
  // One terminal in seven carries its own override, on or off.
  return (storeIndex * 7 + k) % 7 === 3 ? { ...t, standaloneOverride: (storeIndex + k) % 2 === 0 } : t;
}

export function generateFleet(size: FleetSize): Catalog {
  const bare = Array.from({ length: size.stores }, (_, i) => fleetStore(i));
  const terminals = bare.flatMap((store, i) =>
    Array.from({ length: size.terminalsPerStore }, (_, k) => fleetTerminal(i, k, store)),
  );
  // The store's first terminal answers the status panel's synthetic DiagnosisRequest.
  const stores = bare.map((s, i): CatalogStore => {
    const probe = terminals[i * size.terminalsPerStore];
    return probe ? { ...s, probeTerminalId: probe.id } : s;
  });
  const probe = terminals[0]?.id ?? DEMO_CATALOG.probeTerminalId;
  return {
    companyId: DEMO_CATALOG.companyId,
    merchantAccount: DEMO_CATALOG.merchantAccount,
    stores,
    terminals,
    probeTerminalId: probe,
    companyStandalone: { enableStandalone: false, currencyCode: "EUR", enableGratuities: false },
    // The currency comes from the merchant level in this fleet, so every level is in use somewhere.
    merchantStandalone: { currencyCode: "EUR" },
  };
}

/** "2000x10" → 2,000 stores with 10 terminals each. */
export function parseFleetSize(text: string): FleetSize {
  const m = /^(\d{1,6})x(\d{1,4})$/.exec(text.trim());
  if (!m) throw new Error(`--fleet: expected STORESxTERMINALS_PER_STORE, e.g. 2000x10, got "${text}"`);
  return { stores: Number(m[1]), terminalsPerStore: Number(m[2]) };
}
