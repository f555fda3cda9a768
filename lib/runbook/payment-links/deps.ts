// What link creation needs from outside: Adyen, the merchant account, a clock and the retry budget. Injected, so
// tests can point it at a simulator, shorten the waits and simulate a crash between Adyen's answer and our commit.
import { adyenFromEnv, type Adyen } from "@/lib/adyen/client";
import { env } from "@/lib/env";
import type { PaymentLinkResponse } from "@/lib/adyen/payment-links";

export type LinkRetryBudget = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  inFlightMinDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type LinkDeps = {
  adyen: Adyen;
  /** Used when the store has no merchant account of its own. */
  merchantAccount: string | undefined;
  now: () => Date;
  retry: LinkRetryBudget;
  /** Tests only: runs after Adyen answered and before the answer is committed (a crash there is thrown here). */
  afterAdyenAnswered?: (response: PaymentLinkResponse) => void | Promise<void>;
};

/**
 * Within a request the manager waits at the till: a few quick attempts (about 4 s at most), then the link shows as
 * "being created" and the background job goes on with the same key.
 */
export const REQUEST_RETRY_BUDGET: LinkRetryBudget = {
  maxAttempts: 5,
  baseDelayMs: 150,
  maxDelayMs: 1_500,
  inFlightMinDelayMs: 250,
};

export function defaultLinkDeps(overrides: Partial<LinkDeps> = {}): LinkDeps {
  return {
    adyen: adyenFromEnv(),
    merchantAccount: env().ADYEN_MERCHANT_ACCOUNT,
    now: () => new Date(),
    retry: REQUEST_RETRY_BUDGET,
    ...overrides,
  };
}
