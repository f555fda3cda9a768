// A synthetic fleet for load tests: N stores with M boarded terminals each (the first one the store's probe
// terminal), in the same shapes as the demo catalog. Deterministic ids.
import type { Catalog, CatalogStore, CatalogTerminal, TerminalModel } from "./catalog-types";

const MODELS: readonly TerminalModel[] = ["V400m", "S1F2", "P400Plus", "AMS1", "e280", "V400cPlus"];

export function fleetCatalog(storeCount: number, terminalsPerStore: number): Catalog {
  const stores: CatalogStore[] = [];
  const terminals: CatalogTerminal[] = [];
  for (let s = 0; s < storeCount; s++) {
    const id = `STFLEET${String(s).padStart(6, "0")}`;
    const storeTerminals: CatalogTerminal[] = [];
    for (let t = 0; t < terminalsPerStore; t++) {
      const model = MODELS[t % MODELS.length] as TerminalModel;
      const serialNumber = String(100_000_000 + s * 1000 + t);
      storeTerminals.push({
        id: `${model}-${serialNumber}`,
        model,
        serialNumber,
        firmwareVersion: "Verifone_VOS 1.97.6",
        storeId: id,
        status: "boarded",
        network: "ethernet",
      });
    }
    terminals.push(...storeTerminals);
    stores.push({
      id,
      reference: `fleet-${s}`,
      name: `Fleet store ${s}`,
      city: "Berlin",
      country: "DE",
      timezone: "Europe/Berlin",
      currency: "EUR",
      address: { line1: `Teststraße ${s}`, postalCode: "10115", city: "Berlin" },
      phoneNumber: "+4930000000",
      shopperStatement: "FLEET",
      language: "de",
      ...(storeTerminals[0] ? { probeTerminalId: storeTerminals[0].id } : {}),
    });
  }
  return {
    companyId: "FleetCompany",
    merchantAccount: "FleetMerchantPOS",
    stores,
    terminals,
    probeTerminalId: terminals[0]?.id ?? "",
    companyStandalone: { enableStandalone: false, currencyCode: "EUR", enableGratuities: false },
  };
}
