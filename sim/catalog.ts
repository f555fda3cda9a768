// The demo catalog: one company, one merchant account, four stores and their terminals. Deterministic constants.
import type { AssignmentStatus, Catalog, CatalogStore, CatalogTerminal, TerminalModel } from "./catalog-types";

export * from "./catalog-types";

const BERLIN = "STHBRPOIG8F1CBFNO6B9M80O2";
const HAMBURG = "STRAK1VRJNVGFYGWWQC38HYF9";
const MUENCHEN = "STSXMECOSFOGYR3XKXWNREK8P";
const AMSTERDAM = "STK3YR9OUDOCUZRENUN5Z3JQI";

export const DEMO_STORE_IDS = { BERLIN, HAMBURG, MUENCHEN, AMSTERDAM } as const;

const stores: readonly CatalogStore[] = [
  {
    id: BERLIN,
    reference: "berlin-mitte",
    name: "Berlin Mitte",
    city: "Berlin",
    country: "DE",
    timezone: "Europe/Berlin",
    currency: "EUR",
    address: { line1: "Rosenthaler Straße 40", postalCode: "10178", city: "Berlin" },
    phoneNumber: "+493012345670",
    shopperStatement: "DEMO BERLIN",
    standalone: { enableStandalone: true, currencyCode: "EUR", enableGratuities: false },
    language: "de",
    probeTerminalId: "V400m-346403294",
  },
  {
    id: HAMBURG,
    reference: "hamburg-altona",
    name: "Hamburg Altona",
    city: "Hamburg",
    country: "DE",
    timezone: "Europe/Berlin",
    currency: "EUR",
    address: { line1: "Ottenser Hauptstraße 10", postalCode: "22765", city: "Hamburg" },
    phoneNumber: "+494012345670",
    shopperStatement: "DEMO HAMBURG",
    language: "de",
    probeTerminalId: "V400m-893252880",
  },
  {
    id: MUENCHEN,
    reference: "muenchen-maxvorstadt",
    name: "München Maxvorstadt",
    city: "München",
    country: "DE",
    timezone: "Europe/Berlin",
    currency: "EUR",
    address: { line1: "Theresienstraße 55", postalCode: "80333", city: "München" },
    phoneNumber: "+498912345670",
    shopperStatement: "DEMO MUENCHEN",
    standalone: { enableStandalone: true, currencyCode: "EUR", enableGratuities: true },
    language: "de",
    probeTerminalId: "V400cPlus-315098393",
  },
  {
    id: AMSTERDAM,
    reference: "amsterdam-centrum",
    name: "Amsterdam Centrum",
    city: "Amsterdam",
    country: "NL",
    timezone: "Europe/Amsterdam",
    currency: "EUR",
    address: { line1: "Kalverstraat 92", postalCode: "1012 PH", city: "Amsterdam" },
    phoneNumber: "+31201234567",
    shopperStatement: "DEMO AMSTERDAM",
    language: "nl",
    probeTerminalId: "V400m-670106513",
  },
];

// Firmware strings follow what Adyen reports per platform (Verifone VOS/VOS3, Castles Android).
const FIRMWARE: Record<TerminalModel, string> = {
  V400m: "Verifone_VOS 1.97.6",
  V400cPlus: "Verifone_VOS 1.97.6",
  V240mPlus: "Verifone_VOS 1.96.9",
  P400Plus: "Verifone_VOS 1.96.9",
  e280: "Verifone_VOS3 1.97.6",
  S1F2: "Castles_Android 1.97.4",
  S1F2L: "Castles_Android 1.97.4",
  S1E: "Castles_Android 1.96.2",
  AMS1: "Castles_Android 1.97.4",
};

function terminal(
  model: TerminalModel,
  serialNumber: string,
  storeId: string | null,
  network: CatalogTerminal["network"],
  extra: { status?: AssignmentStatus; standaloneOverride?: boolean } = {},
): CatalogTerminal {
  const status = extra.status ?? (storeId === null ? "inventory" : "boarded");
  const base = { id: `${model}-${serialNumber}`, model, serialNumber, firmwareVersion: FIRMWARE[model] };
  return extra.standaloneOverride === undefined
    ? { ...base, storeId, status, network }
    : { ...base, storeId, status, network, standaloneOverride: extra.standaloneOverride };
}

const terminals: readonly CatalogTerminal[] = [
  // Berlin: standalone on at store level; two terminals switched off individually.
  terminal("V400m", "346403294", BERLIN, "wifi"),
  terminal("V400m", "388496965", BERLIN, "wifi"),
  terminal("V400cPlus", "328710122", BERLIN, "ethernet"),
  terminal("P400Plus", "691669784", BERLIN, "ethernet", { standaloneOverride: false }),
  terminal("S1F2", "000100978820812", BERLIN, "wifi"),
  terminal("S1F2L", "000119136193990", BERLIN, "cellular", { standaloneOverride: false }),
  terminal("AMS1", "000191699854353", BERLIN, "wifi"),
  terminal("e280", "801845146", BERLIN, "ethernet"),
  terminal("V240mPlus", "270482814", BERLIN, "wifi"),
  // Hamburg: inherits "off" from the company; two terminals switched on individually.
  terminal("V400m", "893252880", HAMBURG, "wifi", { standaloneOverride: true }),
  terminal("V400cPlus", "957015430", HAMBURG, "ethernet"),
  terminal("P400Plus", "391171822", HAMBURG, "ethernet"),
  terminal("P400Plus", "782489638", HAMBURG, "ethernet"),
  terminal("S1E", "000146247510799", HAMBURG, "wifi", { standaloneOverride: true }),
  terminal("AMS1", "000111838425135", HAMBURG, "cellular"),
  terminal("e280", "346578713", HAMBURG, "ethernet"),
  // München: standalone with gratuities at store level; one terminal off; one not boarded yet.
  terminal("V400cPlus", "315098393", MUENCHEN, "ethernet"),
  terminal("V400cPlus", "010310518", MUENCHEN, "ethernet"),
  terminal("S1F2", "000142784980841", MUENCHEN, "wifi"),
  terminal("S1F2L", "000124118244935", MUENCHEN, "cellular"),
  terminal("V240mPlus", "347382997", MUENCHEN, "wifi", { standaloneOverride: false }),
  terminal("P400Plus", "376311656", MUENCHEN, "ethernet"),
  terminal("S1E", "000134874016400", MUENCHEN, "wifi", { status: "deployed" }),
  // Amsterdam: inherits "off"; one printer terminal switched on.
  terminal("V400m", "670106513", AMSTERDAM, "wifi"),
  terminal("S1F2", "000152427868011", AMSTERDAM, "wifi", { standaloneOverride: true }),
  terminal("P400Plus", "338726247", AMSTERDAM, "ethernet"),
  terminal("AMS1", "000128059826204", AMSTERDAM, "cellular"),
  terminal("e280", "317810801", AMSTERDAM, "ethernet"),
  terminal("V240mPlus", "326773602", AMSTERDAM, "wifi"),
  // Company inventory: delivered but not assigned to any store.
  terminal("V400m", "606474687", null, "wifi"),
  terminal("S1F2", "000150533158692", null, "wifi"),
  terminal("P400Plus", "234309805", null, "ethernet"),
];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const DEMO_CATALOG: Catalog = deepFreeze({
  companyId: "DemoCompany",
  merchantAccount: "DemoMerchantPOS",
  stores,
  terminals,
  probeTerminalId: "V400m-346403294",
  companyStandalone: { enableStandalone: false, currencyCode: "EUR", enableGratuities: false },
});
