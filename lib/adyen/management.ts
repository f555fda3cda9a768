// Named-argument wrappers over the library's Management services (terminals, stores, terminal settings).
import type { Types } from "@adyen/api-library";
import type { IRequest } from "@adyen/api-library/lib/src/typings/requestOptions";
import type { Adyen } from "@/lib/adyen/client";

export type ListTerminalsResponse = Types.management.ListTerminalsResponse;
export type ListStoresResponse = Types.management.ListStoresResponse;
export type TerminalSettings = Types.management.TerminalSettings;
export type ManagementTerminal = Types.management.Terminal;
export type ManagementStore = Types.management.Store;

/** Adyen's maximum page size for GET /v3/terminals and GET /v3/stores. */
export const MAX_PAGE_SIZE = 100;

export type TerminalFilters = {
  storeIds?: readonly string[];
  merchantIds?: readonly string[];
  /** Format brand.model, e.g. "Verifone.V400m". */
  brandModels?: readonly string[];
  countries?: readonly string[];
  searchQuery?: string;
  pageNumber?: number;
  pageSize?: number;
};

// Adyen takes list filters as comma-separated values; an empty list means "no filter", not "match nothing".
function joined(values: readonly string[] | undefined): string | undefined {
  const list = values?.map((v) => v.trim()).filter(Boolean) ?? [];
  return list.length > 0 ? list.join(",") : undefined;
}

function pageSize(size: number | undefined): number | undefined {
  return size === undefined ? undefined : Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(size)));
}

/** GET /v3/terminals with the given filters (one page). */
export function listTerminals(
  adyen: Adyen,
  filters: TerminalFilters = {},
  options?: IRequest.Options,
): Promise<ListTerminalsResponse> {
  return adyen.terminals.listTerminals(
    filters.searchQuery,
    undefined,
    joined(filters.countries),
    joined(filters.merchantIds),
    joined(filters.storeIds),
    joined(filters.brandModels),
    filters.pageNumber,
    pageSize(filters.pageSize),
    options,
  );
}

export type StoreFilters = { merchantId?: string; reference?: string; pageNumber?: number; pageSize?: number };

/** GET /v3/stores (one page). */
export function listStores(
  adyen: Adyen,
  filters: StoreFilters = {},
  options?: IRequest.Options,
): Promise<ListStoresResponse> {
  return adyen.stores.listStores(
    filters.pageNumber,
    pageSize(filters.pageSize),
    filters.reference,
    filters.merchantId,
    options,
  );
}

/** GET /v3/stores/{storeId}. */
export function getStore(adyen: Adyen, storeId: string, options?: IRequest.Options): Promise<ManagementStore> {
  return adyen.stores.getStoreById(storeId, options);
}

/** Where terminal settings live; a lower level inherits from the higher ones (company → merchant → store → terminal). */
export type TerminalSettingsScope =
  | { level: "terminal"; terminalId: string }
  | { level: "store"; storeId: string }
  | { level: "merchant"; merchantId: string }
  | { level: "company"; companyId: string };

/** GET …/terminalSettings; at terminal level Adyen answers with the effective (inherited) settings. */
export function getTerminalSettings(
  adyen: Adyen,
  scope: TerminalSettingsScope,
  options?: IRequest.Options,
): Promise<TerminalSettings> {
  const api = adyen.terminalSettings;
  switch (scope.level) {
    case "terminal":
      return api.terminal.getTerminalSettings(scope.terminalId, options);
    case "store":
      return api.store.getTerminalSettingsByStoreId(scope.storeId, options);
    case "merchant":
      return api.merchant.getTerminalSettings(scope.merchantId, options);
    case "company":
      return api.company.getTerminalSettings(scope.companyId, options);
  }
}

/**
 * PATCH …/terminalSettings. Adyen replaces every object sent, so callers send whole objects
 * (e.g. the complete `standalone` object), never a single field of one.
 */
export function updateTerminalSettings(
  adyen: Adyen,
  scope: TerminalSettingsScope,
  settings: TerminalSettings,
  options?: IRequest.Options,
): Promise<TerminalSettings> {
  const api = adyen.terminalSettings;
  switch (scope.level) {
    case "terminal":
      return api.terminal.updateTerminalSettings(scope.terminalId, settings, options);
    case "store":
      return api.store.updateTerminalSettingsByStoreId(scope.storeId, settings, options);
    case "merchant":
      return api.merchant.updateTerminalSettings(scope.merchantId, settings, options);
    case "company":
      return api.company.updateTerminalSettings(scope.companyId, settings, options);
  }
}
