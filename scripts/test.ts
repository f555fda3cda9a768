// `npm test`: lint, type check, unit tests, production build, then the Playwright end-to-end suite. Stops at the
// first failing step and says which.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { childEnv } from "../lib/env.ts";
import { ensureChromium } from "./chromium.ts";

type Step = { name: string; cmd: string[] };
// Outside Playwright's output folder, which it empties at start.
const REPORT_DIR = ".test-report";
const npx = (...args: string[]) => ["npx", "--no-install", ...args];

const steps: Step[] = [
  { name: "prisma client", cmd: npx("prisma", "generate") },
  { name: "lint", cmd: npx("eslint", "--max-warnings=0", ".") },
  { name: "format", cmd: npx("prettier", "--check", "--log-level=warn", ".") },
  { name: "type check", cmd: npx("tsc", "--noEmit", "-p", ".") },
  {
    name: "unit tests",
    cmd: npx("vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORT_DIR}/unit.json`),
  },
  { name: "production build", cmd: npx("next", "build") },
  { name: "end-to-end tests", cmd: ["npx", "--no-install", "tsx", "e2e/run.ts"] },
];

let chromium: string;
try {
  chromium = ensureChromium();
} catch (err) {
  process.stderr.write(`[test] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

for (const step of steps) {
  const started = Date.now();
  process.stdout.write(`\n[test] ── ${step.name} ──\n`);
  const [bin, ...args] = step.cmd;
  const res = spawnSync(bin!, args, {
    stdio: "inherit",
    env: childEnv({ CHROMIUM_PATH: chromium, NODE_ENV: step.name === "production build" ? "production" : "test" }),
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (res.status !== 0) {
    process.stderr.write(`[test] ${step.name} FAILED after ${secs}s\n`);
    process.exit(res.status ?? 1);
  }
  // Vitest has been seen to exit 0 when a whole file failed in its setup (its tests then count as skipped):
  // the JSON report says so.
  if (step.name === "unit tests" && unitSuitesFailed() > 0) {
    process.stderr.write(`[test] ${step.name} FAILED: ${unitSuitesFailed()} test file(s) failed (see above)\n`);
    process.exit(1);
  }
  process.stdout.write(`[test] ${step.name} ok (${secs}s)\n`);
}
process.stdout.write("\n[test] all steps passed\n");
const counts = summarize();
if (counts) process.stdout.write(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);

function unitSuitesFailed(): number {
  try {
    const unit = JSON.parse(readFileSync(`${REPORT_DIR}/unit.json`, "utf8")) as {
      numFailedTestSuites?: number;
      numFailedTests?: number;
    };
    return (unit.numFailedTestSuites ?? 0) + (unit.numFailedTests ?? 0);
  } catch {
    return 1; // no report: something went wrong before any test ran
  }
}

/** One closing line over unit and end-to-end tests, from the runners' JSON reports. */
function summarize(): { passed: number; failed: number; skipped: number } | undefined {
  try {
    const unit = JSON.parse(readFileSync(`${REPORT_DIR}/unit.json`, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
    };
    const e2e = JSON.parse(readFileSync(`${REPORT_DIR}/e2e.json`, "utf8")) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    };
    return {
      passed: unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky,
      failed: unit.numFailedTests + e2e.stats.unexpected,
      skipped: unit.numPendingTests + e2e.stats.skipped,
    };
  } catch {
    return undefined;
  }
}
