// `npm test`: lint, format, type check, unit tests, production build, then the Playwright end-to-end suite. Stops at
// the first failing step, says which and why, and always ends with one line counting passed, failed and skipped
// tests; exits non-zero whenever a step fails (see test-steps.ts for how a test step is judged).
import { childEnv, env } from "../lib/env.ts";
import { ensureChromium } from "./chromium.ts";
import { npmTestSteps, runStep, type Counts, type StepResult } from "./test-steps.ts";

const reportDir = env().TEST_REPORT_DIR;
const say = (line: string) => process.stdout.write(`${line}\n`);

let chromium: string;
try {
  chromium = ensureChromium();
} catch (err) {
  process.stderr.write(`[test] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

const results: StepResult[] = [];
for (const step of npmTestSteps(reportDir)) {
  say(`\n[test] ── ${step.name} ──`);
  const nodeEnv = step.name === "production build" ? "production" : "test";
  const result = await runStep(
    step,
    childEnv({ CHROMIUM_PATH: chromium, NODE_ENV: nodeEnv, TEST_REPORT_DIR: reportDir }),
  );
  results.push(result);
  if (!result.ok) {
    process.stderr.write(`[test] ${step.name} FAILED after ${result.seconds.toFixed(1)}s\n`);
    for (const problem of result.problems.slice(0, 20)) process.stderr.write(`[test]   ${problem}\n`);
    break;
  }
  say(`[test] ${step.name} ok (${result.seconds.toFixed(1)}s)`);
}

const failedStep = results.find((r) => !r.ok);
const total = results.reduce<Counts>(
  (sum, r) => ({
    passed: sum.passed + (r.counts?.passed ?? 0),
    failed: sum.failed + (r.counts?.failed ?? 0),
    skipped: sum.skipped + (r.counts?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
const verdict = failedStep ? `FAILED at ${failedStep.name}` : "all steps passed";
say(`\n[test] ${verdict}: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
