import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { env } from "./lib/env";
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_PORT } from "./e2e/config";

const e = env();

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // npm test reads the JSON report: its counts go into the closing line, and a missing report fails the run.
  reporter: [["list"], ["json", { outputFile: path.resolve(e.TEST_REPORT_DIR, "e2e.json") }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: e.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The real start path: the production build, embedded PostgreSQL, migrations, the simulator and demo data.
    command: "node node_modules/tsx/dist/cli.mjs e2e/serve.ts",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    // SIGTERM first, so npm start stops what it started (its embedded PostgreSQL runs in a session of its own and
    // would outlive the SIGKILL Playwright sends otherwise).
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      DATA_DIR: E2E_DATA_DIR,
      NEXTAUTH_URL: E2E_BASE_URL,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      ADYEN_API_KEY: "",
      // Probes every 2 s instead of 15 s, so the status tests see a cut link within seconds; the rules (two
      // failing cycles to go red, two good ones to go green) are the same as in production.
      STATUS_PROBE_INTERVAL_S: "2",
    },
  },
});
