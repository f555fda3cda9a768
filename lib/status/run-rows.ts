// A cycle's results as rows of status_probe_runs: per-store kinds as arrays indexed by store key (-1 where a store
// was not probed), merchant-wide kinds as one outcome and latency.
import { OUTCOME_CODE, PROBE_KINDS, type ProbeKind } from "@/lib/status/types";
import type { ApiProbeResult } from "./probes/adyen-apis";
import type { CloudLinkResult } from "./probes/cloud-link";
import type { TerminalApiResult } from "./probes/terminal-api";
import type { ProbeStore } from "./probe-inputs";
import type { Sample } from "./verdicts/samples";

type PerKind = {
  outcomes: number[];
  latencies: number[];
  connected: number[];
  totals: number[];
  errors: Record<string, string>;
};

export type StoreArrays = Record<"cloud_link" | "terminal_api" | "webhooks", PerKind>;

function empty(n: number): PerKind {
  return { outcomes: Array(n).fill(-1), latencies: Array(n).fill(-1), connected: [], totals: [], errors: {} };
}

export function storeArrays(
  stores: ProbeStore[],
  r: {
    cloud: CloudLinkResult[];
    terminal: TerminalApiResult[];
    samples: { cloud: Sample[]; terminal: Sample[]; webhooks: Sample[] };
  },
): StoreArrays {
  const n = stores.reduce((m, s) => Math.max(m, s.key), 0);
  const out: StoreArrays = { cloud_link: empty(n), terminal_api: empty(n), webhooks: empty(n) };
  out.cloud_link.connected = Array(n).fill(-1);
  out.cloud_link.totals = Array(n).fill(-1);
  const cloudBy = new Map(r.cloud.map((c) => [c.storeId, c]));
  const termBy = new Map(r.terminal.map((t) => [t.storeId, t]));
  stores.forEach((s, i) => {
    const k = s.key - 1;
    const set = (kind: keyof StoreArrays, sample: Sample | undefined, latency: number) => {
      if (!sample) return;
      out[kind].outcomes[k] = OUTCOME_CODE[sample.level];
      out[kind].latencies[k] = latency;
      if (sample.level !== "up") out[kind].errors[String(s.key)] = sample.text;
    };
    const c = cloudBy.get(s.storeId);
    if (c) {
      set("cloud_link", r.samples.cloud[i], c.latencyMs);
      out.cloud_link.connected[k] = c.error ? -1 : c.connected;
      out.cloud_link.totals[k] = c.total;
    }
    const t = termBy.get(s.storeId);
    if (t) set("terminal_api", r.samples.terminal[i], t.latencyMs);
    set("webhooks", r.samples.webhooks[i], -1);
  });
  return out;
}

type RunRow = {
  kind: ProbeKind;
  startedAt: Date;
  durationMs: number;
  calls: number;
  ok: boolean;
  error: string | null;
  outcome: number | null;
  latencyMs: number | null;
  outcomes: number[];
  latencies: number[];
  connected: number[];
  totals: number[];
  errors?: Record<string, string>;
};

function apiRow(kind: ProbeKind, r: ApiProbeResult, base: { startedAt: Date; durationMs: number }): RunRow {
  const level = r.ok ? "up" : r.kind;
  return {
    kind,
    ...base,
    calls: 1,
    ok: true,
    error: r.ok ? null : r.text,
    outcome: OUTCOME_CODE[level],
    latencyMs: r.latencyMs,
    outcomes: [],
    latencies: [],
    connected: [],
    totals: [],
  };
}

export function buildRuns(a: {
  startedAt: Date;
  durationMs: number;
  arrays: StoreArrays;
  cloudCalls: number;
  terminalCalls: number;
  checkout: ApiProbeResult;
  management: ApiProbeResult;
}): RunRow[] {
  const base = { startedAt: a.startedAt, durationMs: a.durationMs };
  const perStore = (kind: keyof StoreArrays, calls: number): RunRow => ({
    kind,
    ...base,
    calls,
    ok: true,
    error: null,
    outcome: null,
    latencyMs: null,
    ...a.arrays[kind],
  });
  return [
    perStore("cloud_link", a.cloudCalls),
    perStore("terminal_api", a.terminalCalls),
    perStore("webhooks", 0),
    apiRow("checkout", a.checkout, base),
    apiRow("management", a.management, base),
  ];
}

export function failedRuns(startedAt: Date, durationMs: number, error: string): RunRow[] {
  return PROBE_KINDS.map((kind) => ({
    kind,
    startedAt,
    durationMs,
    calls: 0,
    ok: false,
    error: error.slice(0, 500),
    outcome: null,
    latencyMs: null,
    outcomes: [],
    latencies: [],
    connected: [],
    totals: [],
  }));
}
