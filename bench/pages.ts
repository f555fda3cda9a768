// `npm run bench -- pages [--runs N]`: what the main pages weigh on a phone. The production app server with demo
// data, Chromium as a mid-range phone (390 × 844, 4× slower CPU, 150 ms round trips, 1.6 Mbit/s down as Lighthouse's
// mobile profile), each page opened cold (empty cache) and warm (again, cache kept): bytes transferred (what the
// network carried, headers included), requests, and the largest contentful paint. Baseline in the same run: the
// same pages with the browser asking for no compression (Accept-Encoding: identity), i.e. the app before it
// compressed. Goals: a cold page ≤ 400 KB, LCP ≤ 2.5 s (the Core Web Vitals' "good").
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { db, disconnectDb, setDatabaseUrl } from "../lib/db.ts";
import { childEnv, env, setEnvForTests } from "../lib/env.ts";
import { seedDemoIfEmpty } from "../prisma/seed/demo.ts";
import { DEMO_USERS } from "../prisma/seed/demo-users.ts";
import { DEMO_STORE_IDS } from "../sim/catalog.ts";
import { ensureFreshBuild } from "./build.ts";
import { option, table } from "./cli.ts";
import { say, startStack, startStackApp } from "./status-stack.ts";

const GOAL_COLD_KB = 400;
const GOAL_LCP_MS = 2_500;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

/** The main page of each role, and the ones a manager uses during an outage. */
const PAGES: { path: string; role: string | null }[] = [
  { path: "/login", role: null },
  { path: "/status", role: "admin" },
  { path: `/runbook/${DEMO_STORE_IDS.BERLIN}`, role: "store_manager" },
  { path: "/payment-links", role: "store_manager" },
  { path: "/terminals", role: "store_manager" },
  { path: "/reconciliation", role: "finance" },
  { path: "/idempotency", role: "engineering" },
];

type Visit = { bytes: number; requests: number; lcpMs: number; documentEncoding: string };

async function signIn(page: Page, role: string): Promise<void> {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** One visit as the phone sees it: the network and CPU throttled, bytes counted until the page is quiet. */
async function visit(page: Page, path: string, cold: boolean): Promise<Visit> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  if (cold) await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  let bytes = 0;
  let requests = 0;
  let documentEncoding = "?";
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  cdp.on("Network.responseReceived", (e: { type: string; response: { headers: Record<string, string> } }) => {
    if (e.type !== "Document") return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    documentEncoding = h["content-encoding"] ?? "none";
  });
  await page.goto(path, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  const lcpMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1);
          resolve(last ? last.startTime : Number.NaN);
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(Number.NaN), 5_000);
      }),
  );
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await cdp.detach();
  return { bytes, requests, lcpMs, documentEncoding };
}

async function measure(browser: Browser, baseURL: string, compressed: boolean): Promise<Map<string, Visit[]>> {
  const out = new Map<string, Visit[]>();
  const contexts = new Map<string, BrowserContext>();
  try {
    for (const p of PAGES) {
      const key = p.role ?? "anonymous";
      let context = contexts.get(key);
      if (!context) {
        context = await browser.newContext({
          ...PHONE,
          baseURL,
          extraHTTPHeaders: compressed ? {} : { "accept-encoding": "identity" },
        });
        contexts.set(key, context);
        if (p.role) await signIn(await context.newPage(), p.role);
      }
      const page = await context.newPage();
      const cold = await visit(page, p.path, true);
      const warm = await visit(page, p.path, false);
      await page.close();
      out.set(p.path, [cold, warm]);
    }
  } finally {
    for (const c of contexts.values()) await c.close();
  }
  return out;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (x: number) => (Number.isFinite(x) ? `${(x / 1000).toFixed(2)} s` : "—");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function runPagesBench(args: string[]): Promise<void> {
  const runs = option(args, "runs", 1);
  const nextauthSecret = randomBytes(32).toString("base64url");
  await ensureFreshBuild(childEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: nextauthSecret }));
  const stack = await startStack("pages");
  try {
    setDatabaseUrl(stack.databaseUrl);
    setEnvForTests({ LOG_LEVEL: "warn" });
    await seedDemoIfEmpty(db());
    await disconnectDb();
    const url = await startStackApp(stack, nextauthSecret);
    const browser = await chromium.launch({
      executablePath: env().CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    stack.cleanups.push(() => browser.close());
    say(`app at ${url}; phone profile: 390×844, CPU ${CPU_SLOWDOWN}× slower, 150 ms RTT, 1.6 Mbit/s down`);
    // Warm the server (its first render of each page compiles nothing, but fills caches) before measuring.
    await measure(browser, url, true);
    const results = { compressed: [] as Map<string, Visit[]>[], identity: [] as Map<string, Visit[]>[] };
    for (let i = 0; i < runs; i++) {
      results.compressed.push(await measure(browser, url, true));
      results.identity.push(await measure(browser, url, false));
    }
    const rows = [["page", "", "cold bytes", "cold req", "cold LCP", "warm bytes", "warm LCP", "document"]];
    let worstCold = 0;
    let worstLcp = 0;
    for (const p of PAGES) {
      for (const [label, list] of [
        ["compressed", results.compressed],
        ["baseline (identity)", results.identity],
      ] as const) {
        const of = (i: number, f: (v: Visit) => number) =>
          median(list.map((m) => f((m.get(p.path) ?? [])[i] as Visit)));
        const first = (list[0]?.get(p.path) ?? [])[0];
        rows.push([
          p.path.replace(DEMO_STORE_IDS.BERLIN, "<store>"),
          label,
          kb(of(0, (v) => v.bytes)),
          String(of(0, (v) => v.requests)),
          ms(of(0, (v) => v.lcpMs)),
          kb(of(1, (v) => v.bytes)),
          ms(of(1, (v) => v.lcpMs)),
          first?.documentEncoding ?? "?",
        ]);
        if (label === "compressed") {
          worstCold = Math.max(
            worstCold,
            of(0, (v) => v.bytes),
          );
          worstLcp = Math.max(
            worstLcp,
            of(0, (v) => v.lcpMs),
          );
        }
      }
    }
    say(table(rows));
    say(
      `goal: cold ≤ ${GOAL_COLD_KB} KB (worst compressed page ${kb(worstCold)}: ${worstCold <= GOAL_COLD_KB * 1024 ? "met" : "not met"}), ` +
        `LCP ≤ ${ms(GOAL_LCP_MS)} cold (worst ${ms(worstLcp)}: ${worstLcp <= GOAL_LCP_MS ? "met" : "not met"}); ` +
        `${runs} run${runs === 1 ? "" : "s"}, medians`,
    );
  } finally {
    await stack.cleanUp();
  }
}
