// Loads @adyen/api-library the same way under Node's ESM loader, vitest and the Next bundler.
import * as adyenModule from "@adyen/api-library";

export type AdyenLibrary = typeof adyenModule;

// The package is CommonJS with getter-based exports: bundlers expose every export as a named one,
// but Node's ESM loader detects only a few (Client, the service groups and Types are missing) and
// keeps the full module.exports under `default`. Pick whichever shape actually carries the classes.
function resolveLibrary(): AdyenLibrary {
  if (typeof adyenModule.Client === "function") return adyenModule;
  const fallback = (adyenModule as unknown as { default?: AdyenLibrary }).default;
  if (fallback && typeof fallback.Client === "function") return fallback;
  throw new Error("@adyen/api-library could not be loaded: Client class not found");
}

export const adyenLibrary: AdyenLibrary = resolveLibrary();
