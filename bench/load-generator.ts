// Open-loop HTTP load at a fixed offered rate over keep-alive connections: requests are started on schedule
// whether or not earlier ones have answered, so a slow server shows up as latency, not as a lower send rate.
import http from "node:http";
import type { Delivery } from "./webhook-payloads.ts";

export type LoadOptions = {
  url: string;
  authorization: string;
  rate: number;
  connections: number;
  /** A request idle this long on its socket fails (Adyen waits 10 s). */
  timeoutMs: number;
  /** After the last send, answers are awaited this long; then the rest count as errors, so a run stays bounded. */
  drainMs: number;
  /** Called as each request is answered (status 0: no answer). */
  onAnswer?: (index: number, status: number, atMs: number) => void;
};

export type LoadResult = {
  sent: number;
  acked: number;
  /** Requests acknowledged per second of the run: first send to last answer. */
  ackedPerSecond: number;
  /** The slowest whole second, by answers received in it. */
  minAckedInASecond: number;
  /** From the call to the answer, including the wait for a free connection in this generator's agent. */
  latenciesMs: Float64Array;
  /**
   * From when the request had its connection (and went out) to the answer: what the server can see, and what a
   * sender's per-request timeout (Adyen's 10 s) counts. NaN when it never got one.
   */
  onConnectionMs: Float64Array;
  /** performance.now() when each request was acknowledged (NaN when it was not). */
  ackedAtMs: Float64Array;
  /** The status code of each answer (0: none). */
  statuses: Uint16Array;
  errors: Map<string, number>;
  ackedPspReferences: Set<string>;
  elapsedMs: number;
  /** TCP connections opened; equal to `connections` (or fewer) when keep-alive works. */
  connectionsOpened: number;
};

const TICK_MS = 5;

export async function runLoad(deliveries: readonly Delivery[], opts: LoadOptions): Promise<LoadResult> {
  const target = new URL(opts.url);
  let connectionsOpened = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  // Counted where sockets are made: `req.reusedSocket` stays false for requests that waited for a free socket.
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (...args: Parameters<typeof createConnection>) => {
    connectionsOpened++;
    return createConnection(...args);
  };
  const latencies = new Float64Array(deliveries.length);
  const onConnection = new Float64Array(deliveries.length).fill(NaN);
  const ackedAtMs = new Float64Array(deliveries.length).fill(NaN);
  const statuses = new Uint16Array(deliveries.length);
  const completedAt: number[] = [];
  const errors = new Map<string, number>();
  const ackedPspReferences = new Set<string>();
  const fail = (why: string) => errors.set(why, (errors.get(why) ?? 0) + 1);
  let sent = 0;
  let done = 0;
  let acked = 0;
  // Encoded before the clock starts, so the generator spends its time sending, not serialising.
  const bodies = deliveries.map((d) => Buffer.from(d.body, "utf8"));

  const outstanding = new Set<http.ClientRequest>();

  const send = (d: Delivery, index: number, onDone: () => void) => {
    const body = bodies[index] as Buffer;
    const started = performance.now();
    let connectedAt = NaN;
    let settled = false;
    const settle = (why: string | null) => {
      if (settled) return;
      settled = true;
      outstanding.delete(req);
      const now = performance.now();
      latencies[index] = now - started;
      onConnection[index] = now - connectedAt;
      opts.onAnswer?.(index, why === null ? 200 : statuses[index] || 0, now);
      if (why === null) {
        ackedAtMs[index] = now;
        acked++;
        ackedPspReferences.add(d.pspReference);
        completedAt.push(now);
      } else fail(why);
      onDone();
    };
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": body.length,
          authorization: opts.authorization,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        statuses[index] = res.statusCode ?? 0;
        res.on("end", () => settle(res.statusCode === 200 && text === "[accepted]" ? null : `HTTP ${res.statusCode}`));
      },
    );
    req.once("socket", () => (connectedAt = performance.now()));
    outstanding.add(req);
    req.setTimeout(opts.timeoutMs, () => req.destroy(new Error(`timeout > ${opts.timeoutMs} ms`)));
    req.on("error", (err) => settle(err.message));
    req.end(body);
  };

  const start = performance.now();
  await new Promise<void>((resolve) => {
    const finish = () => {
      done++;
      if (done === deliveries.length) resolve();
    };
    const timer = setInterval(() => {
      const due = Math.min(deliveries.length, Math.floor(((performance.now() - start) * opts.rate) / 1000));
      for (; sent < due; sent++) send(deliveries[sent] as Delivery, sent, finish);
      if (sent < deliveries.length) return;
      clearInterval(timer);
      setTimeout(() => {
        for (const req of outstanding)
          req.destroy(new Error(`no answer within ${opts.drainMs / 1000} s after the last send`));
      }, opts.drainMs).unref();
    }, TICK_MS);
  });
  const elapsedMs = performance.now() - start;
  agent.destroy();

  const perSecond = new Map<number, number>();
  for (const t of completedAt)
    perSecond.set(Math.floor((t - start) / 1000), (perSecond.get(Math.floor((t - start) / 1000)) ?? 0) + 1);
  const fullSeconds = Math.floor((sent * 1000) / opts.rate / 1000);
  let minAckedInASecond = fullSeconds > 0 ? Infinity : 0;
  for (let s = 0; s < fullSeconds; s++) minAckedInASecond = Math.min(minAckedInASecond, perSecond.get(s) ?? 0);

  return {
    sent,
    acked,
    ackedPerSecond: (acked * 1000) / elapsedMs,
    minAckedInASecond,
    latenciesMs: latencies,
    onConnectionMs: onConnection,
    ackedAtMs,
    statuses,
    errors,
    ackedPspReferences,
    elapsedMs,
    connectionsOpened,
  };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
