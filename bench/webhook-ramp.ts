// The capacity and overload parts of the webhook benchmark. Capacity: the offered rate is raised step by step and
// the highest rate whose every request was acknowledged with p99 ≤ 100 ms is the server's capacity. Overload: twice
// the route's capacity, where every request must still be answered within 2 s, each refusal a 503 (Adyen retries),
// nothing acknowledged lost and nothing stored twice.
import { percentile, runLoad, type LoadResult } from "./load-generator.ts";
import { makeDeliveries } from "./webhook-payloads.ts";
import { readStored } from "./webhook-report.ts";

export type Target = {
  name: string;
  url: string;
  databaseUrl: string;
  prefix: string;
  hmacKey: string;
  authorization: string;
};
export type Step = { rate: number; p99: number; ackedShare: number; ok: boolean };
export const RAMP_GOALS = { p99Ms: 100, minRate: 1000, shareOfBaseline: 0.6, overloadP99Ms: 2000 };
const CONNECTIONS = 64;

async function offer(t: Target, tag: string, rate: number, seconds: number): Promise<LoadResult> {
  const deliveries = makeDeliveries(Math.round(rate * seconds), {
    prefix: `${t.prefix}${tag}`,
    hmacKey: t.hmacKey,
    redeliveryShare: 0,
  });
  return runLoad(deliveries, {
    url: `${t.url}/api/webhooks/adyen`,
    authorization: t.authorization,
    rate,
    connections: CONNECTIONS,
    timeoutMs: 10_000,
    drainMs: 15_000,
  });
}

const p99Of = (r: LoadResult) => percentile(Float64Array.from(r.latenciesMs).sort(), 99);

/** Raises the rate from `from` by `step` until a step fails; returns every step and the highest passing rate. */
export async function ramp(
  t: Target,
  o: { from: number; step: number; max: number; seconds: number },
  say: (s: string) => void,
): Promise<{ steps: Step[]; capacity: number }> {
  const steps: Step[] = [];
  let capacity = 0;
  let n = 0;
  for (let rate = o.from; rate <= o.max; rate += o.step) {
    // A step that misses gets one more try: one garbage collection or a neighbour's burst is not the capacity.
    let step: Step | undefined;
    for (let attempt = 0; attempt < 2 && !step?.ok; attempt++) {
      const r = await offer(t, `R${n++}`, rate, o.seconds);
      step = { rate, p99: p99Of(r), ackedShare: r.acked / r.sent, ok: false };
      step.ok = step.p99 <= RAMP_GOALS.p99Ms && r.acked === r.sent;
      say(
        `  ${t.name}: ${rate}/s → p99 ${step.p99.toFixed(1)} ms, ${(step.ackedShare * 100).toFixed(1)} % acknowledged ${step.ok ? "" : "(over)"}`,
      );
    }
    if (!step) break;
    steps.push(step);
    if (!step.ok) break;
    capacity = rate;
  }
  return { steps, capacity };
}

export type Overload = {
  rate: number;
  sent: number;
  acked: number;
  refused503: number;
  otherFailures: number;
  /** From the call, including the generator's wait for one of its connections. */
  p99: number;
  max: number;
  /** From when the request was on its connection: what the server sees and a sender's timeout counts. */
  onConnectionP99: number;
  onConnectionMax: number;
  lost: number;
  doubled: number;
};

/** Offers `rate` for `seconds`; then checks the database against what the sender saw acknowledged. */
export async function overload(t: Target, rate: number, seconds: number): Promise<Overload> {
  const r = await offer(t, "O", rate, seconds);
  const sorted = Float64Array.from(r.latenciesMs).sort();
  const onConnection = Float64Array.from(r.onConnectionMs.filter((ms) => !Number.isNaN(ms))).sort();
  let refused503 = 0;
  for (const s of r.statuses) if (s === 503) refused503++;
  const stored = await readStored(t.databaseUrl);
  let lost = 0;
  for (const psp of r.ackedPspReferences) if (!stored.pspReferences.has(psp)) lost++;
  return {
    rate,
    sent: r.sent,
    acked: r.acked,
    refused503,
    otherFailures: r.sent - r.acked - refused503,
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    onConnectionP99: percentile(onConnection, 99),
    onConnectionMax: onConnection[onConnection.length - 1] ?? NaN,
    lost,
    doubled: stored.rows - stored.pspReferences.size,
  };
}

export function overloadText(o: Overload): string {
  const ok = (b: boolean) => (b ? "PASS" : "FAIL");
  return [
    `offered ${o.rate}/s: ${o.sent} sent, ${o.acked} acknowledged, ${o.refused503} refused with 503, ${o.otherFailures} other failures`,
    `  answers from the request on its connection (what the server sees, what Adyen's timeout counts): p99 ${o.onConnectionP99.toFixed(0)} ms, max ${o.onConnectionMax.toFixed(0)} ms`,
    `  answers from the call, with the wait for one of the generator's ${CONNECTIONS} connections: p99 ${o.p99.toFixed(0)} ms, max ${o.max.toFixed(0)} ms`,
    `  acknowledged but not stored: ${o.lost}; stored twice: ${o.doubled}`,
    `  ${ok(o.onConnectionP99 <= RAMP_GOALS.overloadP99Ms)} p99 ≤ 2 s on the connection   ${ok(o.otherFailures === 0)} every refusal a 503   ${ok(o.lost === 0 && o.doubled === 0)} none lost or doubled`,
  ].join("\n");
}
