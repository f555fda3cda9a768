// Results of the webhook benchmark: what the database holds after a run, and the side-by-side table.
import pg from "pg";
import { percentile, type LoadResult } from "./load-generator.ts";

/** What one benchmark database holds: every event's pspReference (the bench sends one event per reference). */
export type Stored = { rows: number; deliveries: number; pspReferences: Set<string> };

export type Row = {
  name: string;
  load: LoadResult;
  requests: number;
  stored: Stored;
  ackedRequests: number;
  ackedDistinct: Set<string>;
  serverCpuMsPerRequest: number;
};

export const TARGETS = { ackedPerSecond: 1000, p99Ms: 100 };

export async function readStored(databaseUrl: string): Promise<Stored> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ psp_reference: string; deliveries: number }>(
      "SELECT psp_reference, deliveries FROM payment_events",
    );
    return {
      rows: r.rows.length,
      deliveries: r.rows.reduce((sum, row) => sum + row.deliveries, 0),
      pspReferences: new Set(r.rows.map((row) => row.psp_reference)),
    };
  } finally {
    await client.end();
  }
}

/**
 * None lost (every acknowledged event is stored), none doubled (one row per event), nothing invented (an
 * event stored without an acknowledgement is only possible for a request that failed on the client side),
 * and every acknowledged delivery counted when no request failed.
 */
export function countsCheck(row: Row): { ok: boolean; text: string } {
  const failed = row.requests - row.ackedRequests;
  const lost = [...row.ackedDistinct].filter((psp) => !row.stored.pspReferences.has(psp)).length;
  const doubled = row.stored.rows - row.stored.pspReferences.size;
  const unacked = [...row.stored.pspReferences].filter((psp) => !row.ackedDistinct.has(psp)).length;
  const deliveriesOk = failed > 0 || row.stored.deliveries === row.ackedRequests;
  const ok = lost === 0 && doubled === 0 && (unacked === 0 || failed > 0) && deliveriesOk;
  return {
    ok,
    text: `${lost} lost, ${doubled} doubled, ${unacked} stored without ack (${failed} failed requests), ${row.stored.deliveries} deliveries for ${row.ackedRequests} acked requests`,
  };
}

export function verdict(row: Row): { ok: boolean; text: string } {
  const sorted = Float64Array.from(row.load.latenciesMs).sort();
  const p99 = percentile(sorted, 99);
  const problems: string[] = [];
  if (row.load.ackedPerSecond < TARGETS.ackedPerSecond)
    problems.push(`${row.load.ackedPerSecond.toFixed(0)}/s < ${TARGETS.ackedPerSecond}/s`);
  if (!(p99 <= TARGETS.p99Ms)) problems.push(`p99 ${p99.toFixed(1)} ms > ${TARGETS.p99Ms} ms`);
  const errors = [...row.load.errors.values()].reduce((a, b) => a + b, 0);
  if (errors > 0) problems.push(`${errors} errors`);
  const counts = countsCheck(row);
  if (!counts.ok) problems.push(`counts differ (${counts.text})`);
  return { ok: problems.length === 0, text: problems.length === 0 ? "PASS" : `FAIL: ${problems.join("; ")}` };
}

function cells(row: Row): string[] {
  const sorted = Float64Array.from(row.load.latenciesMs).sort();
  const ms = (v: number) => v.toFixed(1);
  const errors = [...row.load.errors.values()].reduce((a, b) => a + b, 0);
  return [
    row.name,
    row.load.ackedPerSecond.toFixed(0),
    String(row.load.minAckedInASecond),
    ms(percentile(sorted, 50)),
    ms(percentile(sorted, 95)),
    ms(percentile(sorted, 99)),
    ms(sorted[sorted.length - 1] ?? NaN),
    String(errors),
    String(row.load.connectionsOpened),
    row.serverCpuMsPerRequest.toFixed(2),
    `${row.stored.rows}/${row.ackedDistinct.size}`,
    countsCheck(row).ok ? "equal" : "DIFFER",
  ];
}

export function table(rows: Row[]): string {
  const header = [
    "server",
    "acked/s",
    "min 1s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    "errors",
    "conns",
    "server CPU ms/req",
    "stored/acked",
    "counts",
  ];
  const body = [header, ...rows.map(cells)];
  const widths = header.map((_, i) => Math.max(...body.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.slice(1).map(line)].join("\n");
}

export function errorSummary(row: Row): string | null {
  if (row.load.errors.size === 0) return null;
  return `${row.name} errors: ${[...row.load.errors].map(([why, n]) => `${n}× ${why}`).join(", ")}`;
}
