// The simulator's live objects: configuration, clock, webhook dispatcher and the resettable state.
import type { CatalogStore, CatalogTerminal } from "./catalog";
import { indexOf } from "./catalog-index";
import type { Clock } from "./clock";
import { createFaultState, type FaultState } from "./faults";
import type { ResolvedConfig } from "./options";
import { IdempotencyStore } from "./checkout/idempotency";
import type { PaymentLink } from "./checkout/payment-links";
import { createOutageState, type OutageState } from "./device/connectivity";
import { createSettingsLevels, type SettingsLevels } from "./management/terminal-settings";
import { createStatusPageState, type StatusPageState } from "./status-page";
import type { StandalonePayment } from "./standalone-payments";
import type { WebhookDispatcher } from "./webhooks/webhook-dispatcher";

export interface SimState {
  readonly links: Map<string, PaymentLink>;
  readonly idempotency: IdempotencyStore;
  readonly settings: SettingsLevels;
  readonly outages: OutageState;
  readonly faults: FaultState;
  readonly statusPage: StatusPageState;
  readonly standalonePayments: StandalonePayment[];
}

export interface SimRuntime {
  readonly config: ResolvedConfig;
  readonly clock: Clock;
  readonly webhooks: WebhookDispatcher;
  state: SimState;
  /** Filled once the server listens: `base` is its own URL, `public` the base of payment-link URLs. */
  urls: { base: string; public: string };
}

export function createState(config: ResolvedConfig, clock: Clock): SimState {
  return {
    links: new Map(),
    idempotency: new IdempotencyStore(),
    settings: createSettingsLevels(config.catalog),
    outages: createOutageState(),
    faults: createFaultState(),
    statusPage: createStatusPageState(clock.now()),
    standalonePayments: [],
  };
}

/** Back to the state right after start: catalog settings, no links, no faults, no webhooks, real time. */
export function resetRuntime(rt: SimRuntime): void {
  rt.clock.reset();
  rt.webhooks.reset(rt.config.webhookTarget);
  rt.state = createState(rt.config, rt.clock);
}

export function findTerminal(rt: SimRuntime, id: string): CatalogTerminal | undefined {
  return indexOf(rt.config.catalog).terminalById.get(id);
}

/** Adyen accepts either the store id or, in merchant-scoped paths, the store reference. */
export function findStore(rt: SimRuntime, idOrReference: string): CatalogStore | undefined {
  const index = indexOf(rt.config.catalog);
  return index.storeById.get(idOrReference) ?? index.storeByReference.get(idOrReference);
}
