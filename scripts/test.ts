// `npm test`: lint, type check, unit tests, production build, then the Playwright end-to-end suite. Stops at the
// first failing step and says which.
import { spawnSync } from "node:child_process";
import { childEnv } from "../lib/env.ts";
import { ensureChromium } from "./chromium.ts";

type Step = { name: string; cmd: string[] };
const npx = (...args: string[]) => ["npx", "--no-install", ...args];

const steps: Step[] = [
  { name: "prisma client", cmd: npx("prisma", "generate") },
  { name: "lint", cmd: npx("eslint", "--max-warnings=0", ".") },
  { name: "type check", cmd: npx("tsc", "--noEmit", "-p", ".") },
  { name: "unit tests", cmd: npx("vitest", "run") },
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
  const res = spawnSync(bin!, args, { stdio: "inherit", env: childEnv({ CHROMIUM_PATH: chromium, NODE_ENV: step.name === "production build" ? "production" : "test" }) });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (res.status !== 0) {
    process.stderr.write(`[test] ${step.name} FAILED after ${secs}s\n`);
    process.exit(res.status ?? 1);
  }
  process.stdout.write(`[test] ${step.name} ok (${secs}s)\n`);
}
process.stdout.write("\n[test] all steps passed\n");
