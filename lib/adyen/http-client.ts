// The HTTP transport plugged into @adyen/api-library: fetch, routing to a base URL, timeouts, typed errors.
import type ClientInterface from "@adyen/api-library/lib/src/httpClient/clientInterface";
import type { IRequest } from "@adyen/api-library/lib/src/typings/requestOptions";
import type { Config } from "@adyen/api-library";
import { AppError } from "@/lib/errors";
import { AdyenApiError, adyenErrorFromResponse } from "@/lib/adyen/errors";
import { isAdyenHost, routeAdyenUrl } from "@/lib/adyen/routing";
import { reportAdyenExchange } from "@/lib/adyen/exchange-observer";

export const DEFAULT_ADYEN_TIMEOUT_MS = 15_000;
/** Adyen's limit for the Idempotency-Key header. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 64;

export type AdyenHttpClientOptions = {
  /** When set, every call goes to this origin (simulator, tests) with the library's path and query. */
  baseUrl?: string;
  /** Used when neither the request nor the library config carries a timeout. */
  timeoutMs?: number;
  userAgent?: string;
};

type OutgoingHeaders = IRequest.Options["headers"];

function toHeaders(source: OutgoingHeaders): Headers {
  const headers = new Headers();
  if (!source) return headers;
  if (Array.isArray(source)) {
    // Node's raw form: [name, value, name, value, ...]
    for (let i = 0; i + 1 < source.length; i += 2) headers.append(String(source[i]), String(source[i + 1]));
    return headers;
  }
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, String(v));
    else headers.set(name, String(value));
  }
  return headers;
}

function networkCodeOf(err: unknown): string | undefined {
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  const code = cause && typeof cause === "object" ? (cause as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

export class AdyenHttpClient implements ClientInterface {
  constructor(private readonly options: AdyenHttpClientOptions = {}) {}

  async request(
    endpoint: string,
    json: string | Buffer,
    config: Config,
    isApiKeyRequired: boolean,
    requestOptions: IRequest.Options = {},
  ): Promise<string> {
    const method = (requestOptions.method ?? "POST").toUpperCase();
    const url = routeAdyenUrl(endpoint, requestOptions.params, this.options.baseUrl);
    const apiKey = config.apiKey;
    // Without a base URL the call goes to Adyen itself, which always wants a key; the simulator does not.
    if (!apiKey && (isApiKeyRequired || !this.options.baseUrl)) {
      throw new AppError("UNAVAILABLE", "No Adyen API key is configured (ADYEN_API_KEY).");
    }
    const headers = toHeaders(requestOptions.headers);
    if (!headers.has("content-type")) headers.set("Content-Type", "application/json");
    headers.set("Accept", "application/json");
    if (this.options.userAgent) headers.set("User-Agent", this.options.userAgent);
    if (apiKey) headers.set("X-API-Key", apiKey);
    const idempotencyKey = requestOptions.idempotencyKey;
    if (idempotencyKey !== undefined) {
      if (idempotencyKey === "" || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
        throw new AppError("VALIDATION", `Idempotency-Key must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`);
      }
      headers.set("Idempotency-Key", idempotencyKey);
    }
    const hasBody = method !== "GET" && method !== "HEAD" && json.length > 0;
    // Copied into a plain Uint8Array: fetch's body type does not accept Node's pooled Buffer type.
    const body = !hasBody ? undefined : typeof json === "string" ? json : new Uint8Array(json);
    const timeoutMs =
      requestOptions.timeout ?? config.connectionTimeoutMillis ?? this.options.timeoutMs ?? DEFAULT_ADYEN_TIMEOUT_MS;
    const call = { method, path: url.pathname };

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const startedAt = Date.now();
    const exchange = {
      startedAt,
      method,
      url: url.href,
      requestHeaders: headers,
      requestBody: body === undefined ? undefined : String(json),
    };
    try {
      let response = await fetch(url, { method, headers, body, redirect: "manual", signal: controller.signal });
      // Adyen may answer 307/308 (e.g. a moved region); follow once, and only to an Adyen host so the key never leaves Adyen.
      const location = response.headers.get("location");
      if (
        (response.status === 307 || response.status === 308) &&
        location &&
        !this.options.baseUrl &&
        config.enable308Redirect !== false
      ) {
        const target = new URL(location, url);
        if (target.protocol === "https:" && isAdyenHost(target.hostname)) {
          await response.body?.cancel();
          response = await fetch(target, { method, headers, body, redirect: "manual", signal: controller.signal });
        }
      }
      const bodyText = await response.text();
      const answered = { status: response.status, responseHeaders: response.headers, responseBody: bodyText };
      reportAdyenExchange({ ...exchange, ...answered, durationMs: Date.now() - startedAt });
      if (response.ok) return bodyText;
      throw adyenErrorFromResponse({
        ...call,
        status: response.status,
        headers: response.headers,
        bodyText,
        secret: apiKey,
      });
    } catch (err) {
      if (err instanceof AdyenApiError) throw err;
      const unanswered = { status: null, responseHeaders: undefined, responseBody: undefined };
      reportAdyenExchange({ ...exchange, ...unanswered, durationMs: Date.now() - startedAt });
      if (controller.signal.aborted) throw new AdyenApiError({ kind: "timeout", ...call });
      // fetch's own message is generic ("fetch failed"); only the cause's code is kept, never headers.
      throw new AdyenApiError({ kind: "network", ...call, networkCode: networkCodeOf(err) });
    } finally {
      clearTimeout(timer);
    }
  }
}
