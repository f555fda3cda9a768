// Reads the Management API for the sync: every call through one pool (at most `limit` in flight) and the read retry
// policy (429s waited out per Retry-After, transient failures backed off), counted for the sync report.
import type { Adyen } from "@/lib/adyen/client";
import {
  MAX_PAGE_SIZE,
  getStore,
  getTerminalSettings,
  listStores,
  listTerminals,
  type ManagementStore,
  type ManagementTerminal,
  type TerminalSettings,
  type TerminalSettingsScope,
} from "@/lib/adyen/management";
import { isAdyenApiError } from "@/lib/adyen/errors";
import { withAdyenReadRetry, type AdyenReadRetryOptions } from "@/lib/adyen/retry";
import { Pool, mapLimited } from "@/lib/runbook/terminals/pool";

export type ReaderCounters = { calls: number; throttled: number; retried: number };

type Page<T> = { data?: T[]; pagesTotal?: number };

export class ManagementReader {
  readonly pool: Pool;
  readonly counters: ReaderCounters = { calls: 0, throttled: 0, retried: 0 };

  constructor(
    private readonly adyen: Adyen,
    concurrency: number,
    private readonly retry: AdyenReadRetryOptions = {},
  ) {
    this.pool = new Pool(concurrency);
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return this.pool.run(() =>
      withAdyenReadRetry(
        () => {
          this.counters.calls++;
          return fn();
        },
        {
          maxAttempts: 5,
          ...this.retry,
          onThrottled: (ms) => {
            this.counters.throttled++;
            this.retry.onThrottled?.(ms);
          },
          onRetry: (info) => {
            this.counters.retried++;
            this.retry.onRetry?.(info);
          },
        },
      ),
    );
  }

  /** The first page tells how many there are; the others are then read side by side. */
  private async allPages<T>(page: (pageNumber: number) => Promise<Page<T>>): Promise<T[]> {
    const first = await this.call(() => page(1));
    const total = first.pagesTotal ?? 1;
    const rest = await mapLimited(
      Array.from({ length: Math.max(0, total - 1) }, (_, i) => i + 2),
      this.pool.limit,
      (n) => this.call(() => page(n)),
    );
    return [first, ...rest].flatMap((p) => p.data ?? []);
  }

  listAllStores(): Promise<ManagementStore[]> {
    return this.allPages((pageNumber) => listStores(this.adyen, { pageNumber, pageSize: MAX_PAGE_SIZE }));
  }

  /** The given stores; one Adyen does not know (any more) is left out, as the full list would leave it out. */
  async getStores(storeIds: readonly string[]): Promise<ManagementStore[]> {
    const stores = await mapLimited(storeIds, this.pool.limit, (id) =>
      this.call(() => getStore(this.adyen, id)).catch((err: unknown) => {
        if (isAdyenApiError(err) && err.httpStatus === 404) return null;
        throw err;
      }),
    );
    return stores.filter((s): s is ManagementStore => s !== null);
  }

  listAllTerminals(storeIds?: readonly string[]): Promise<ManagementTerminal[]> {
    return this.allPages((pageNumber) => listTerminals(this.adyen, { storeIds, pageNumber, pageSize: MAX_PAGE_SIZE }));
  }

  settings(scope: TerminalSettingsScope): Promise<TerminalSettings> {
    return this.call(() => getTerminalSettings(this.adyen, scope));
  }
}
