import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";

const REPO_ROOT = path.resolve(import.meta.dirname, "..");

const started: ChildProcess[] = [];

function runCli(args: string[]) {
  // One process (node --import tsx), so signals reach the simulator itself.
  const child = spawn(process.execPath, ["--import", "tsx", "sim/main.ts", ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  return child;
}

// A failed assertion must not leave a simulator process behind.
afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

describe("sim/main.ts", () => {
  it("prints one sim.listening line, logs requests as JSON lines, and exits cleanly on SIGTERM", async () => {
    const child = runCli(["--port", "0", "--api-key", "cli-key", "--hmac-key", "00ff"]);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = JSON.parse(String((await lines.next()).value)) as { event: string; url: string };
    expect(first).toEqual({ event: "sim.listening", url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });

    const res = await fetch(`${first.url}/v3/terminals?pageSize=1`, { headers: { "x-api-key": "cli-key" } });
    expect(res.status).toBe(200);
    const logged = JSON.parse(String((await lines.next()).value)) as Record<string, unknown>;
    expect(logged).toMatchObject({ event: "sim.request", method: "GET", path: "/v3/terminals", status: 200 });
    expect(JSON.stringify(logged)).not.toContain("cli-key");

    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("exits with a usage message when required flags are missing", async () => {
    const child = runCli(["--port", "0"]);
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain("--api-key is required");
  });
});
