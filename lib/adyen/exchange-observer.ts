// Lets other parts of the app see every Adyen call the HTTP client makes (the idempotency checker records them,
// redacted, to audit this dashboard's own traffic). Observers run synchronously and must not throw; one that does
// is ignored, so an observer can never break an Adyen call.
export type AdyenExchangeRecord = {
  startedAt: number;
  method: string;
  url: string;
  /** As sent, credentials included: observers must redact before keeping anything. */
  requestHeaders: Headers;
  requestBody: string | undefined;
  /** null when no answer came (network error, timeout). */
  status: number | null;
  responseHeaders: Headers | undefined;
  responseBody: string | undefined;
  durationMs: number;
};

type Observer = (x: AdyenExchangeRecord) => void;

// On globalThis: Next.js may load this module more than once (instrumentation and route bundles).
const g = globalThis as unknown as { __adyenExchangeObservers?: Set<Observer> };
const observers = (g.__adyenExchangeObservers ??= new Set());

export function observeAdyenExchanges(fn: Observer): () => void {
  observers.add(fn);
  return () => observers.delete(fn);
}

export function reportAdyenExchange(x: AdyenExchangeRecord): void {
  for (const fn of observers) {
    try {
      fn(x);
    } catch {
      // An observer's failure is its own problem, never the caller's.
    }
  }
}
