// The runner self-test: deliberately failing fixtures go through the very commands and configuration `npm test`
// uses (Vitest with the real config and global setup, Playwright with the real config), and the step must fail.
// It guards against a runner, a global setup or an exit hook swallowing failures again.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv } from "@/lib/env";
import { e2eStep, judgeStep, runStep, unitStep, type Step } from "./test-steps";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ops-runner-test-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function runFixture(step: (reportDir: string) => Step, name: string) {
  const reportDir = path.join(dir, name);
  let output = "";
  const result = await runStep(step(reportDir), childEnv({ TEST_REPORT_DIR: reportDir }), (c) => (output += c));
  return { result, output };
}

describe("npm test's runner, on deliberately failing fixtures", () => {
  it("fails the unit step: a failing test and a file that errors while loading", async () => {
    const { result, output } = await runFixture((d) => unitStep(d, ["--dir", "test-fixtures/runner/unit"]), "unit");
    expect(result.exitCode, output).not.toBe(0); // Vitest itself reports the failure (it once exited 0 here)
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(result.problems.join("\n")).toContain("fails to load on purpose");
  }, 180_000);

  it("fails the end-to-end step", async () => {
    const config = ["--config", "test-fixtures/runner/e2e/playwright.config.ts"];
    const { result, output } = await runFixture((d) => e2eStep(d, config), "e2e");
    expect(result.exitCode, output).not.toBe(0);
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
  }, 180_000);
});

describe("judging a test step", () => {
  const reportFile = () => path.join(dir, "judge.json");
  const step = (): Step => ({ ...unitStep(dir), report: { ...unitStep(dir).report!, file: reportFile() } });
  const vitest = (over: object) => ({
    numTotalTests: 3,
    numPassedTests: 3,
    numFailedTests: 0,
    numPendingTests: 0,
    numFailedTestSuites: 0,
    ...over,
  });

  it.each([
    ["exit 0 with a clean report", true, 0, vitest({})],
    ["exit 0 although tests failed", false, 0, vitest({ numPassedTests: 2, numFailedTests: 1 })],
    ["exit 0 although a test file failed to load", false, 0, vitest({ numFailedTestSuites: 1 })],
    ["exit 0 with no tests at all", false, 0, vitest({ numTotalTests: 0, numPassedTests: 0 })],
    ["a non-zero exit with a clean report", false, 1, vitest({})],
    ["killed by a signal", false, null, vitest({})],
    ["exit 0 with no report", false, 0, undefined],
    ["exit 0 with a report that is not JSON", false, 0, "{ half"],
  ])("%s → ok: %s", async (_name, ok, exitCode, report) => {
    await rm(reportFile(), { force: true });
    if (report !== undefined) {
      await writeFile(reportFile(), typeof report === "string" ? report : JSON.stringify(report));
    }
    expect(judgeStep(step(), exitCode).ok).toBe(ok);
  });

  it("fails an end-to-end report with errors outside tests, or with no tests", async () => {
    const e2e = { ...e2eStep(dir), report: { ...e2eStep(dir).report!, file: reportFile() } };
    const stats = { expected: 4, unexpected: 0, skipped: 0, flaky: 0 };
    await writeFile(reportFile(), JSON.stringify({ stats, errors: [] }));
    expect(judgeStep(e2e, 0).ok).toBe(true);
    await writeFile(reportFile(), JSON.stringify({ stats, errors: [{ message: "global setup failed" }] }));
    expect(judgeStep(e2e, 0).ok).toBe(false);
    await writeFile(reportFile(), JSON.stringify({ stats: { ...stats, expected: 0 }, errors: [] }));
    expect(judgeStep(e2e, 0).ok).toBe(false);
  });
});
