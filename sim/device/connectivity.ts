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

/** A store losing its terminals one after another: the first at `since`, then one more every `everyMs`. */
export interface RollingOutage extends Outage {
  readonly everyMs: number;
  readonly terminalIds: readonly string[];
}

export interface OutageState {
  all: Outage | null;
  readonly stores: Map<string, Outage>;
  readonly terminals: Map<string, Outage>;
  readonly rolling: Map<string, RollingOutage>;
}

export function createOutageState(): OutageState {
  return { all: null, stores: new Map(), terminals: new Map(), rolling: new Map() };
}

function rollingOutage(state: OutageState, terminal: CatalogTerminal, now: Date): Outage | undefined {
  const rolling = terminal.storeId !== null ? state.rolling.get(terminal.storeId) : undefined;
  const index = rolling?.terminalIds.indexOf(terminal.id) ?? -1;
  if (!rolling || index < 0) return undefined;
  const since = new Date(rolling.since.getTime() + index * rolling.everyMs);
  return now >= since ? { mode: rolling.mode, since } : undefined;
}

/** The most specific outage covering the terminal, if any. */
export function outageFor(state: OutageState, terminal: CatalogTerminal, now: Date = new Date()): Outage | null {
  return (
    state.terminals.get(terminal.id) ??
    rollingOutage(state, terminal, now) ??
    (terminal.storeId !== null ? state.stores.get(terminal.storeId) : undefined) ??
    state.all
  );
}

/** Only boarded terminals in a store connect to the cloud. */
export function isAssigned(terminal: CatalogTerminal): boolean {
  return terminal.status === "boarded" && terminal.storeId !== null;
}

export function isOnline(state: OutageState, terminal: CatalogTerminal, now: Date = new Date()): boolean {
  return isAssigned(terminal) && outageFor(state, terminal, now) === null;
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
