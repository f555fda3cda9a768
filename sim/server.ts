// Starts the Adyen simulator: a plain node:http server serving Checkout, Management, Cloud device and Terminal APIs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Catalog } from "./catalog";
import { createClock, type Clock } from "./clock";
import { resolveConfig, type SimulatorOptions, type WebhookTarget } from "./options";
import { createRequestHandler } from "./request-pipeline";
import { createState, resetRuntime, type SimRuntime, type SimState } from "./runtime";
import { WebhookDispatcher, type Delivery } from "./webhooks/webhook-dispatcher";

export type { SimulatorOptions, WebhookTarget } from "./options";
export type { SimState } from "./runtime";
export type { Delivery, DeliveryAttempt } from "./webhooks/webhook-dispatcher";

export interface RunningSimulator {
  /** Base URL of every API (use as ADYEN_API_BASE_URL). */
  readonly url: string;
  readonly port: number;
  /** Base of payment-link URLs. */
  readonly publicUrl: string;
  readonly catalog: Catalog;
  readonly merchantAccount: string;
  readonly companyId: string;
  /** Live state, for assertions; treat as read-only. */
  readonly state: SimState;
  readonly clock: Clock;
  webhookDeliveries(): readonly Delivery[];
  setWebhookTarget(target: WebhookTarget | null): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const config = resolveConfig(opts);
  const clock = createClock();
  const webhooks = new WebhookDispatcher({
    timeScale: config.timeScale,
    timeoutMs: config.webhookTimeoutMs,
    target: config.webhookTarget,
    log: config.log,
  });
  const rt: SimRuntime = { config, clock, webhooks, state: createState(config, clock), urls: { base: "", public: "" } };
  const server = createServer(createRequestHandler(rt));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = config.host.includes(":")
    ? `[${config.host}]`
    : config.host === "0.0.0.0"
      ? "127.0.0.1"
      : config.host;
  rt.urls = { base: `http://${hostForUrl}:${port}`, public: config.publicUrl ?? `http://${hostForUrl}:${port}` };

  let closing: Promise<void> | undefined;
  return {
    url: rt.urls.base,
    port,
    publicUrl: rt.urls.public,
    catalog: config.catalog,
    merchantAccount: config.merchantAccount,
    companyId: config.companyId,
    get state() {
      return rt.state;
    },
    clock,
    webhookDeliveries: () => webhooks.list(),
    setWebhookTarget: (target) => webhooks.setTarget(target),
    reset: () => resetRuntime(rt),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        webhooks.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
