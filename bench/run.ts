// `npm run bench -- <name> [options]`: one benchmark by name. Each is loaded only when asked for, so one bench
// that does not compile at the moment does not stop the others.
import process from "node:process";

type BenchRun = (args: string[]) => Promise<void>;
type Bench = { about: string; load: () => Promise<BenchRun> };

const BENCHES: Record<string, Bench> = {
  webhooks: {
    about:
      "POST /api/webhooks/adyen on the production server vs a bare node:http + pg baseline [--rate --seconds --connections]",
    load: async () => (await import("./webhooks.ts")).runWebhooksBench,
  },
  "terminal-sync": {
    about:
      "terminal sync of a simulated fleet (2,000 stores, 20,000 terminals): full and incremental, vs the plain-fetch floor [--stores --per-store --concurrency --rate-limit]",
    load: async () => (await import("./terminal-sync.ts")).runTerminalSyncBench,
  },
  links: {
    about:
      "1,000 payment links through POST /api/v1/payment-links with 30% of Adyen calls faulted, the client retrying with its key, vs straight to the simulator [--links --concurrency --fault-rate]",
    load: async () => (await import("./links.ts")).runLinksBench,
  },
  freshness: {
    about:
      "lag from a webhook's [accepted] to its order matched, at 1,000/s for 60 s with a full run in the middle and the page read every second [--rate --seconds --background]",
    load: async () => (await import("./freshness.ts")).runFreshnessBench,
  },
  faults: {
    about:
      "PostgreSQL stopped under webhooks, two instances on one database, SIGKILL during a full run, a fuzzer of malformed requests [--rate --seconds --orders]",
    load: async () => (await import("./faults.ts")).runFaultsBench,
  },
  "status-detect": {
    about: "time from a cut store link to `outage` in /api/v1/status and back, and a single dropped call [--runs N]",
    load: async () => (await import("./status-detect.ts")).runStatusDetectBench,
  },
  probes: {
    about:
      "one probe cycle over 2,000 stores / 20,000 terminals: calls, time, writes, 30-day storage [--stores --terminals --cycles]",
    load: async () => (await import("./probes.ts")).runProbesBench,
  },
  idempotency: {
    about:
      "HAR and NDJSON logs of ~100 MB and ~1 GB through the idempotency checker vs wc -l and gzip -dc [--sizes --formats | --sample FILE]",
    load: async () => (await import("./idempotency.ts")).runIdempotencyBench,
  },
  pages: {
    about:
      "the main pages on a phone profile, cold and warm: bytes transferred, requests and LCP, vs the same pages uncompressed [--runs N]",
    load: async () => (await import("./pages.ts")).runPagesBench,
  },
  hostile: {
    about:
      "hostile idempotency uploads (backtracking bait, deep nesting, huge key, huge line, gzip bomb, many findings) through the API while signed webhooks arrive at 50/s, vs the same webhooks with no upload [--rate --seconds]",
    load: async () => (await import("./hostile.ts")).runHostileBench,
  },
  reconcile: {
    about: "full reconciliation of 1,000,000 and 5,000,000 orders and events vs a plain SQL join [--orders N,N]",
    load: async () => (await import("./reconcile.ts")).runReconcileBench,
  },
};

const [benchName, ...args] = process.argv.slice(2);
const bench = benchName ? BENCHES[benchName] : undefined;
if (!bench) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join("|")}> [options]\n`);
  for (const [n, b] of Object.entries(BENCHES)) process.stderr.write(`  ${n.padEnd(10)} ${b.about}\n`);
  process.exit(benchName ? 2 : 1);
}
try {
  await (
    await bench.load()
  )(args);
  process.exit(0);
} catch (err) {
  process.stderr.write(
    `bench ${benchName} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
}
