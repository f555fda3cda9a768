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

export class DailyTally {
  private readonly days = new Map<string, DailyCounts>();

  add(r: RequestRecord): void {
    if (r.at === null) return;
    const day = new Date(r.at).toISOString().slice(0, 10);
    const environment = environmentOf(r.region);
    const id = `${day}|${environment}`;
    let c = this.days.get(id);
    if (!c) this.days.set(id, (c = { day, environment, requests: 0, ready: 0, legacy: 0 }));
    c.requests++;
    if (isReadyRequest(r)) c.ready++;
    if (r.legacy || r.key === null) c.legacy++;
  }

  rows(): DailyCounts[] {
    return [...this.days.values()].sort((a, b) => a.day.localeCompare(b.day));
  }
}
