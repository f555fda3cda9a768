// Builds the app's Adyen services: the official library's service classes over our HTTP transport.
import { env as readEnv, type Env } from "@/lib/env";
import { adyenLibrary, type AdyenLibrary } from "@/lib/adyen/library";
import { AdyenHttpClient, DEFAULT_ADYEN_TIMEOUT_MS } from "@/lib/adyen/http-client";

export type AdyenEnvironment = "TEST" | "LIVE";
export type AdyenRegion = "EU" | "US" | "AU" | "APSE";

export type AdyenConfig = {
  apiKey: string | undefined;
  merchantAccount: string | undefined;
  environment: AdyenEnvironment;
  /** Required by Adyen for LIVE Checkout URLs, e.g. 1797a841fbb37ca7-AdyenDemo. */
  liveUrlPrefix: string | undefined;
  /** Selects the LIVE Terminal API and Cloud device API hosts. */
  region: AdyenRegion;
  /** When set, every call goes there (the simulator, tests) instead of Adyen's hosts. */
  baseUrl: string | undefined;
  timeoutMs: number;
  applicationName?: string;
};

type Checkout = InstanceType<AdyenLibrary["CheckoutAPI"]>;
type Management = InstanceType<AdyenLibrary["ManagementAPI"]>;
type CloudDevice = InstanceType<AdyenLibrary["CloudDeviceAPI"]>;

export type PaymentLinksApi = Checkout["PaymentLinksApi"];
export type TerminalsApi = Management["TerminalsTerminalLevelApi"];
export type StoresApi = Management["AccountStoreLevelApi"];
export type MyCredentialApi = Management["MyAPICredentialApi"];
export type CloudDeviceApi = CloudDevice["CloudDeviceApi"];
export type TerminalCloudApi = InstanceType<AdyenLibrary["TerminalCloudAPI"]>;

export type Adyen = {
  /** Non-secret facts about the connection; the API key stays inside the library client. */
  merchantAccount: string | undefined;
  environment: AdyenEnvironment;
  routedTo: string | undefined;
  paymentLinks: PaymentLinksApi;
  terminals: TerminalsApi;
  stores: StoresApi;
  terminalSettings: {
    terminal: Management["TerminalSettingsTerminalLevelApi"];
    store: Management["TerminalSettingsStoreLevelApi"];
    merchant: Management["TerminalSettingsMerchantLevelApi"];
    company: Management["TerminalSettingsCompanyLevelApi"];
  };
  /** GET /v3/me: the cheapest authenticated Management call, used as a reachability probe. */
  me: MyCredentialApi;
  cloudDevice: CloudDeviceApi;
  terminalCloud: TerminalCloudApi;
};

// With a base URL the host is rewritten anyway, but the library refuses to build LIVE Checkout
// URLs without a prefix; any placeholder satisfies it and never reaches the network.
const ROUTED_LIVE_PREFIX = "routed-to-base-url";

export function adyenConfigFromEnv(e: Env): AdyenConfig {
  return {
    apiKey: e.ADYEN_API_KEY,
    merchantAccount: e.ADYEN_MERCHANT_ACCOUNT,
    environment: e.ADYEN_ENVIRONMENT,
    liveUrlPrefix: e.ADYEN_LIVE_URL_PREFIX,
    region: e.ADYEN_REGION,
    baseUrl: e.ADYEN_API_BASE_URL,
    // 0 passes env validation but would abort every call at once: treat it as "use the default".
    timeoutMs: e.ADYEN_TIMEOUT_MS || DEFAULT_ADYEN_TIMEOUT_MS,
    applicationName: "merchant-ops",
  };
}

export function createAdyen(config: AdyenConfig): Adyen {
  const lib = adyenLibrary;
  const isLive = config.environment === "LIVE";
  const client = new lib.Client(
    new lib.Config({
      apiKey: config.apiKey,
      environment: isLive ? lib.EnvironmentEnum.LIVE : lib.EnvironmentEnum.TEST,
      liveEndpointUrlPrefix: config.liveUrlPrefix ?? (isLive && config.baseUrl ? ROUTED_LIVE_PREFIX : undefined),
      region: lib.RegionEnum[config.region],
      connectionTimeoutMillis: config.timeoutMs,
      applicationName: config.applicationName,
    }),
    new AdyenHttpClient({
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs,
      userAgent: config.applicationName ? `${config.applicationName} adyen-node-api-library` : undefined,
    }),
  );
  // The group getters build a new service on every access, so each service is created once here.
  const management = new lib.ManagementAPI(client);
  return {
    merchantAccount: config.merchantAccount,
    environment: config.environment,
    routedTo: config.baseUrl,
    paymentLinks: new lib.CheckoutAPI(client).PaymentLinksApi,
    terminals: management.TerminalsTerminalLevelApi,
    stores: management.AccountStoreLevelApi,
    terminalSettings: {
      terminal: management.TerminalSettingsTerminalLevelApi,
      store: management.TerminalSettingsStoreLevelApi,
      merchant: management.TerminalSettingsMerchantLevelApi,
      company: management.TerminalSettingsCompanyLevelApi,
    },
    me: management.MyAPICredentialApi,
    cloudDevice: new lib.CloudDeviceAPI(client).CloudDeviceApi,
    terminalCloud: new lib.TerminalCloudAPI(client),
  };
}

let cached: { source: Env; adyen: Adyen } | undefined;

/** The process-wide instance for the current configuration (rebuilt when tests swap the env). */
export function adyenFromEnv(): Adyen {
  const source = readEnv();
  if (cached?.source !== source) cached = { source, adyen: createAdyen(adyenConfigFromEnv(source)) };
  return cached.adyen;
}
