// Lookups by id over a catalog, built once per catalog: a fleet of 20,000 terminals must not be scanned per request.
import type { Catalog, CatalogStore, CatalogTerminal } from "./catalog-types";

export interface CatalogIndex {
  readonly storeById: ReadonlyMap<string, CatalogStore>;
  readonly storeByReference: ReadonlyMap<string, CatalogStore>;
  /** Position of each store in the catalog (the terminal view derives addresses from it). */
  readonly storeIndex: ReadonlyMap<string, number>;
  readonly terminalById: ReadonlyMap<string, CatalogTerminal>;
}

const built = new WeakMap<Catalog, CatalogIndex>();

export function indexOf(catalog: Catalog): CatalogIndex {
  let index = built.get(catalog);
  if (!index) {
    index = {
      storeById: new Map(catalog.stores.map((s) => [s.id, s])),
      storeByReference: new Map(catalog.stores.map((s) => [s.reference, s])),
      storeIndex: new Map(catalog.stores.map((s, i) => [s.id, i])),
      terminalById: new Map(catalog.terminals.map((t) => [t.id, t])),
    };
    built.set(catalog, index);
  }
  return index;
}
