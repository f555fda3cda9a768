// The steps of `npm test` and how a test step is judged. A test runner's exit code alone is not trusted (one was
// seen exiting 0 with failed tests): a step passes only when the runner exits 0 AND its fresh JSON report exists and
// shows tests that ran and none that failed or errored. The runner self-test (test-runner.test.ts) uses these too.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export type Counts = { passed: number; failed: number; skipped: number };
export type Judged = { ok: boolean; counts?: Counts; problems: string[] };
export type Step = { name: string; cmd: string[]; report?: { file: string; judge: (report: unknown) => Judged } };
export type StepResult = Judged & { name: string; exitCode: number | null; seconds: number };

const npx = (...args: string[]) => ["npx", "--no-install", ...args];

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  numTotalTests: number;
  numFailedTestSuites: number;
  testResults?: { name: string; status: string; message?: string }[];
};

export function judgeVitest(report: unknown): Judged {
  const r = report as VitestReport;
  if (typeof r?.numTotalTests !== "number") return { ok: false, problems: ["the unit test report is not Vitest's"] };
  const counts = {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
  };
  const problems: string[] = [];
  if (r.numFailedTests > 0) problems.push(`${r.numFailedTests} unit tests failed`);
  for (const file of r.testResults ?? []) {
    if (file.status === "failed" && file.message) problems.push(`${file.name}: ${file.message.split("\n")[0]}`);
  }
  if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) problems.push(`${r.numFailedTestSuites} test files failed`);
  if (r.numTotalTests === 0) problems.push("no unit tests ran");
  return { ok: problems.length === 0, counts, problems };
}

type PlaywrightReport = {
  stats?: { expected: number; unexpected: number; skipped: number; flaky: number };
  errors?: { message?: string }[];
};

export function judgePlaywright(report: unknown): Judged {
  const { stats, errors = [] } = (report ?? {}) as PlaywrightReport;
  if (!stats) return { ok: false, problems: ["the end-to-end report is not Playwright's"] };
  const counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  const problems: string[] = [];
  if (stats.unexpected > 0) problems.push(`${stats.unexpected} end-to-end tests failed`);
  for (const e of errors) problems.push(`error: ${(e.message ?? "unknown").split("\n")[0]}`);
  if (stats.expected + stats.flaky + stats.unexpected === 0) problems.push("no end-to-end tests ran");
  return { ok: problems.length === 0, counts, problems };
}

/** Exit code and report together; the exact failure npm test must never let through is "exit 0, tests failed". */
export function judgeStep(step: Step, exitCode: number | null): Judged {
  const runner = exitCode === 0 ? [] : [`${step.cmd.slice(0, 4).join(" ")}… exited with ${exitCode ?? "a signal"}`];
  if (!step.report) return { ok: runner.length === 0, problems: runner };
  if (!existsSync(step.report.file)) return { ok: false, problems: [...runner, `no report at ${step.report.file}`] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(step.report.file, "utf8"));
  } catch (err) {
    return { ok: false, problems: [...runner, `unreadable report ${step.report.file}: ${String(err)}`] };
  }
  const judged = step.report.judge(parsed);
  return { ...judged, ok: judged.ok && runner.length === 0, problems: [...runner, ...judged.problems] };
}

export function unitStep(reportDir: string, extraArgs: string[] = []): Step {
  const file = path.join(reportDir, "unit.json");
  const cmd = npx("vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`);
  return { name: "unit tests", cmd: [...cmd, ...extraArgs], report: { file, judge: judgeVitest } };
}

/** The report path is set in playwright.config.ts from TEST_REPORT_DIR; `reportDir` must be that value. */
export function e2eStep(reportDir: string, extraArgs: string[] = []): Step {
  const file = path.join(reportDir, "e2e.json");
  return {
    name: "end-to-end tests",
    cmd: [...npx("playwright", "test"), ...extraArgs],
    report: { file, judge: judgePlaywright },
  };
}

export function npmTestSteps(reportDir: string): Step[] {
  return [
    { name: "prisma client", cmd: npx("prisma", "generate") },
    { name: "lint", cmd: npx("eslint", "--max-warnings=0", ".") },
    { name: "format", cmd: npx("prettier", "--check", "--log-level=warn", ".") },
    { name: "type check", cmd: npx("tsc", "--noEmit", "-p", ".") },
    unitStep(reportDir),
    { name: "production build", cmd: npx("next", "build") },
    e2eStep(reportDir),
  ];
}

/** Runs a step with its output passed through (or captured into `onOutput`), then judges it. */
export async function runStep(
  step: Step,
  env: NodeJS.ProcessEnv,
  onOutput?: (chunk: string) => void,
): Promise<StepResult> {
  const started = Date.now();
  if (step.report) rmSync(step.report.file, { force: true }); // a report from an earlier run proves nothing
  const [bin, ...args] = step.cmd;
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(bin!, args, { env, stdio: onOutput ? ["ignore", "pipe", "pipe"] : "inherit" });
    child.stdout?.on("data", (d: Buffer) => onOutput?.(d.toString()));
    child.stderr?.on("data", (d: Buffer) => onOutput?.(d.toString()));
    child.once("error", () => resolve(null));
    child.once("close", (code) => resolve(code));
  });
  return { name: step.name, exitCode, seconds: (Date.now() - started) / 1000, ...judgeStep(step, exitCode) };
}
