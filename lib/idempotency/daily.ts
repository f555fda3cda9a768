// Per-day counts for the trend, by the requests' own dates (UTC) and environment. Kept per input file, so a
// file analysed again replaces its own days instead of adding to them.
import { environmentOf } from "@/lib/idempotency/normalize";
import { isReadyRequest } from "@/lib/idempotency/readiness";
import type { RequestRecord } from "@/lib/idempotency/types";

export type DailyCounts = {
  day: string;
  environment: "test" | "live" | "unknown";
  requests: number;
  ready: number;
  legacy: number;
};

const DAY_MS = 86_400_000;
const ENVIRONMENTS = { test: 0, live: 1, unknown: 2 } as const;

export class DailyTally {
  /** By day number (days since 1970) × 3 + environment: no date text built per request. */
  private readonly days = new Map<number, DailyCounts>();

  add(r: RequestRecord): void {
    if (r.at === null) return;
    const environment = environmentOf(r.region);
    const id = Math.floor(r.at / DAY_MS) * 3 + ENVIRONMENTS[environment];
    let c = this.days.get(id);
    if (!c) {
      const day = new Date(r.at).toISOString().slice(0, 10);
      this.days.set(id, (c = { day, environment, requests: 0, ready: 0, legacy: 0 }));
    }
    c.requests++;
    if (isReadyRequest(r)) c.ready++;
    if (r.legacy || r.key === null) c.legacy++;
  }

  rows(): DailyCounts[] {
    return [...this.days.values()].sort((a, b) => a.day.localeCompare(b.day));
  }
}
