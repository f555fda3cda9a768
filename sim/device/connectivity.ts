// Whether a terminal holds a cloud connection: injected outages (all, per store, per terminal) and assignment.
import type { CatalogTerminal } from "../catalog";

/**
 * How the cloud answers a Terminal API call while the terminal is cut off: "unreachable" is Adyen's immediate
 * Failure/UnreachableHost response, "reject" the EventNotification Reject sent when the terminal never answers.
 */
export type OutageMode = "unreachable" | "reject";

export interface Outage {
  readonly mode: OutageMode;
  readonly since: Date;
}

export interface OutageState {
  all: Outage | null;
  readonly stores: Map<string, Outage>;
  readonly terminals: Map<string, Outage>;
}

export function createOutageState(): OutageState {
  return { all: null, stores: new Map(), terminals: new Map() };
}

/** The most specific outage covering the terminal, if any. */
export function outageFor(state: OutageState, terminal: CatalogTerminal): Outage | null {
  return (
    state.terminals.get(terminal.id) ??
    (terminal.storeId !== null ? state.stores.get(terminal.storeId) : undefined) ??
    state.all
  );
}

/** Only boarded terminals in a store connect to the cloud. */
export function isAssigned(terminal: CatalogTerminal): boolean {
  return terminal.status === "boarded" && terminal.storeId !== null;
}

export function isOnline(state: OutageState, terminal: CatalogTerminal): boolean {
  return isAssigned(terminal) && outageFor(state, terminal) === null;
}

export type OutageTarget = { readonly all: true } | { readonly storeId: string } | { readonly terminalId: string };

export function setOutage(state: OutageState, target: OutageTarget, outage: Outage | null): void {
  if ("all" in target) {
    state.all = outage;
    return;
  }
  const [map, key] = "storeId" in target ? [state.stores, target.storeId] : [state.terminals, target.terminalId];
  if (outage) map.set(key, outage);
  else map.delete(key);
}
