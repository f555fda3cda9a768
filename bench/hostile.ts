// `npm run bench -- hostile [--rate 50] [--seconds 20]`: hostile traffic files uploaded through
// `POST /api/v1/idempotency/analyses` to the production server while signed Adyen webhooks arrive at a steady rate,
// beside the same webhook load with no upload, in the same run. Per upload: its outcome (status, how the analysis
// ended and why) and time; per phase: webhook p99, max and how many took over 2 s. The server must answer every
// webhook as if no upload were running, and every upload with its reason.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync, createGzip } from "node:zlib";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import os from "node:os";
import { createApiToken } from "../lib/auth/api-tokens.ts";
import { disconnectDb, setDatabaseUrl } from "../lib/db.ts";
import { childEnv, setEnvForTests } from "../lib/env.ts";
import { ensureFreshBuild } from "./build.ts";
import { option, table } from "./cli.ts";
import { percentile, runLoad } from "./load-generator.ts";
import { say, startStack, startStackApp } from "./status-stack.ts";
import { makeDeliveries } from "./webhook-payloads.ts";

const MB = 1024 * 1024;
const CHECKOUT = "https://checkout-test.adyen.com/v71/payments";
const SLOW_MS = 2_000;
const GOAL = { p99Ms: 100, overSlow: 0 };

type Hostile = { name: string; what: string; file: string; body: () => Promise<Buffer> };

const line = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    time: new Date(Date.UTC(2026, 0, 5, 10, 0, 0) + n * 1000).toISOString(),
    method: "POST",
    url: CHECKOUT,
    requestBody: { merchantAccount: "ShopEU", reference: `H-${n}` },
    status: 200,
    ...extra,
  });

const harEntry = JSON.stringify({
  startedDateTime: "2026-01-05T10:00:00.000Z",
  time: 10,
  request: { method: "POST", url: CHECKOUT, httpVersion: "HTTP/1.1", headers: [], queryString: [], cookies: [] },
  response: { status: 200, statusText: "OK", httpVersion: "HTTP/1.1", headers: [], cookies: [], content: {} },
  timings: { send: 1, wait: 8, receive: 1 },
});

/** The file in 1 MB pieces, gzip-compressed as it is made (the bomb is never held uncompressed). */
async function gzipOf(pieces: () => Iterable<Buffer>): Promise<Buffer> {
  return buffer(Readable.from(pieces()).pipe(createGzip({ level: 9 })));
}

const HOSTILE: Hostile[] = [
  {
    name: "backtracking bait",
    what: "2,000 lines whose URL, headers and client are 64 KB of what once made the redaction retry",
    file: "bait.ndjson",
    body: async () => {
      const bait = "a".repeat(16_000) + "@a.".repeat(8_000) + "eyJ".repeat(4_000);
      const lines = Array.from({ length: 2_000 }, (_, n) =>
        line(n, {
          url: `${CHECKOUT}?email=${bait}`,
          requestHeaders: { "User-Agent": bait, "X-Card": "4111 ".repeat(6_000) },
          client: bait,
        }),
      );
      return Buffer.from(`${lines.join("\n")}\n`);
    },
  },
  {
    name: "deep nesting",
    what: "a HAR entry, then 1,000,000 open brackets",
    file: "deep.har",
    body: async () => Buffer.from(`{"log":{"entries":[${harEntry}],"pages":${"[".repeat(1_000_000)}`),
  },
  {
    name: "huge key",
    what: "a HAR document whose first key is 64 MB long",
    file: "key.har",
    body: async () => Buffer.from(`{"log":{"${"k".repeat(64 * MB)}":1,"entries":[${harEntry}]}}`),
  },
  {
    name: "huge line",
    what: "an exchange, then one NDJSON line of 64 MB",
    file: "line.ndjson",
    body: async () => Buffer.from(`${line(0)}\n{"method":"POST","url":"${"x".repeat(64 * MB)}"}\n`),
  },
  {
    name: "gzip bomb",
    what: "an exchange, then 1 GB of newlines, gzip-compressed",
    file: "bomb.ndjson.gz",
    body: () =>
      gzipOf(function* () {
        yield Buffer.from(`${line(0)}\n`);
        const nl = Buffer.alloc(MB, 0x0a);
        for (let i = 0; i < 1_024; i++) yield nl;
      }),
  },
  {
    name: "many findings",
    what: "300,000 POSTs without a key or with a 70-character one (gzip)",
    file: "findings.ndjson.gz",
    body: async () => {
      const lines = Array.from({ length: 300_000 }, (_, n) =>
        n % 2 ? line(n) : line(n, { requestHeaders: { "Idempotency-Key": `k-${n}-${"x".repeat(64)}` } }),
      );
      return gzipSync(`${lines.join("\n")}\n`);
    },
  },
];

type Outcome = { status: number; ms: number; text: string };

/**
 * Uploads with curl, a process of its own: this one also sends the webhooks, and copying a 64 MB body here would
 * stall its timers and show as webhook latency that the server never had.
 */
async function upload(base: string, token: string, h: Hostile, file: string): Promise<Outcome> {
  const started = performance.now();
  const url = `${base}/api/v1/idempotency/analyses?fileName=${encodeURIComponent(h.file)}&source=${encodeURIComponent(h.name)}`;
  const answer = await new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      "curl",
      [
        "-sS",
        "-o",
        "-",
        "-w",
        "\n%{http_code}",
        "-H",
        `authorization: Bearer ${token}`,
        "--data-binary",
        `@${file}`,
        url,
      ],
      { maxBuffer: 16 * MB },
      (err, stdout, stderr) => {
        const lines = stdout.trimEnd().split("\n");
        resolve({
          code: Number(lines.pop()) || 0,
          out: err && !stdout ? `no answer: ${stderr.trim()}` : lines.join("\n"),
        });
      },
    );
  });
  const ms = performance.now() - started;
  let json: {
    complete?: boolean;
    entries?: number;
    findings?: Record<string, number>;
    problems?: { message: string }[];
    error?: { message: string };
  } = {};
  try {
    json = JSON.parse(answer.out) as typeof json;
  } catch {
    return { status: answer.code, ms, text: answer.out.slice(0, 240) };
  }
  const findings = Object.values(json.findings ?? {}).reduce((a, b) => a + b, 0);
  const text =
    answer.code === 201
      ? `${json.complete ? "complete" : "incomplete"}, ${json.entries} entries, ${findings} findings${
          json.problems?.[0] ? `: ${json.problems[0].message}` : ""
        }`
      : (json.error?.message ?? "");
  return { status: answer.code, ms, text };
}

export async function runHostileBench(args: string[]): Promise<void> {
  const rate = option(args, "rate", 50);
  const seconds = option(args, "seconds", 20);
  const nextauthSecret = randomBytes(32).toString("base64url");
  const webhook = { user: "adyen-bench", password: randomBytes(18).toString("base64url") };
  await ensureFreshBuild(childEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: nextauthSecret }));
  const stack = await startStack("hostile");
  try {
    const base = await startStackApp(stack, nextauthSecret, {
      ADYEN_WEBHOOK_USERNAME: webhook.user,
      ADYEN_WEBHOOK_PASSWORD: webhook.password,
      JOBS_IN_PROCESS: "false",
    });
    setEnvForTests({ DATABASE_URL: stack.databaseUrl, LOG_LEVEL: "warn" });
    setDatabaseUrl(stack.databaseUrl);
    const { token } = await createApiToken({ name: "hostile bench", role: "engineering" }, "system");
    await disconnectDb();
    const authorization = `Basic ${Buffer.from(`${webhook.user}:${webhook.password}`).toString("base64")}`;
    let phase = 0;
    const webhooks = async () => {
      const deliveries = makeDeliveries(rate * seconds, {
        prefix: `H${String(phase++).padStart(2, "0")}`,
        hmacKey: stack.hmacKey,
        redeliveryShare: 0,
      });
      const r = await runLoad(deliveries, {
        url: `${base}/api/webhooks/adyen`,
        authorization,
        rate,
        connections: 16,
        timeoutMs: 10_000,
        drainMs: 10_000,
      });
      const sorted = Float64Array.from(r.onConnectionMs.filter((x) => Number.isFinite(x))).sort();
      return {
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? NaN,
        slow: sorted.filter((x) => x > SLOW_MS).length,
        lost: r.sent - r.acked,
        sent: r.sent,
      };
    };

    say(
      `hostile uploads vs ${rate}/s signed webhooks for ${seconds} s each; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    // Warm-up: Next's webhook path optimised before anything is measured.
    await webhooks();
    const rows: string[][] = [
      ["phase", "upload", "upload time", "webhooks p99", "max", `> ${SLOW_MS / 1000} s`, "lost"],
    ];
    const row = (name: string, up: string, time: string, w: Awaited<ReturnType<typeof webhooks>>) =>
      rows.push([
        name,
        up,
        time,
        `${w.p99.toFixed(1)} ms`,
        `${w.max.toFixed(1)} ms`,
        String(w.slow),
        `${w.lost} of ${w.sent}`,
      ]);
    row("no upload (baseline)", "—", "—", await webhooks());
    const only = args.includes("--only") ? (args[args.indexOf("--only") + 1] ?? "").split(",") : null;
    for (const h of HOSTILE.filter((x) => !only || only.some((o) => x.name.startsWith(o)))) {
      const body = await h.body();
      const file = path.join(stack.dir, h.file);
      await writeFile(file, body);
      say(`${h.name}: ${h.what} (${(body.length / MB).toFixed(1)} MB as sent)`);
      const [w, up] = await Promise.all([webhooks(), upload(base, token, h, file)]);
      say(`  → HTTP ${up.status} in ${(up.ms / 1000).toFixed(1)} s: ${up.text.slice(0, 240)}`);
      row(h.name, `HTTP ${up.status}`, `${(up.ms / 1000).toFixed(1)} s`, w);
    }
    row("no upload (after)", "—", "—", await webhooks());
    say("");
    say(table(rows));
    say(
      `\ngoal: with any upload, webhook p99 ≤ ${GOAL.p99Ms} ms, none over ${SLOW_MS / 1000} s, none lost; every upload answered with its outcome (201, or 4xx with the reason), the server up`,
    );
    say(
      `load average after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} (${os.cpus().length} cores)`,
    );
  } finally {
    await stack.cleanUp();
  }
}
