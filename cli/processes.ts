// Child processes of `npm start`, the tests and the benchmarks: the app server (cli/server.ts) and the simulator.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SERVER = path.join(ROOT, "cli", "server.ts");

export type Child = { process: ChildProcess; stop: () => Promise<void> };

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
}

/** Starts the simulator; `ready` resolves with its URL once it prints its listening line. */
export function startSimulatorProcess(
  args: string[],
  onLine: (line: string) => void,
): Child & { ready: Promise<string> } {
  const child = spawn(process.execPath, [TSX, path.join(ROOT, "sim", "main.ts"), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let last = ""; // what it said last: the reason when it exits early
  const heard = (line: string) => {
    if (line.trim()) last = line.trim();
    onLine(line);
  };
  const ready = new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on("line", (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string };
        if (msg.event === "sim.listening" && msg.url) return resolve(msg.url);
      } catch {
        /* not JSON: plain output */
      }
      heard(line);
    });
    createInterface({ input: child.stderr! }).on("line", heard);
    child.once("error", reject);
    child.once("close", (code) =>
      reject(new Error(`the Adyen simulator exited early (code ${code})${last ? `: ${last.slice(0, 200)}` : ""}`)),
    );
  });
  return { process: child, ready, stop: stopper(child) };
}

/**
 * The app server (cli/server.ts: Next.js, with the webhook URL answered before Next sees it) on the production
 * build. `host` defaults to every interface (the app's use); benchmarks pass 127.0.0.1 to stay on loopback.
 * `ownSession`: the server in a session of its own, as `npm start` from its own terminal, instead of this process's.
 * Linux schedules each session as a group (autogroup); a benchmark's load generator and readers stand in for other
 * machines and must not share the server's group (a Ctrl-C to the benchmark then no longer reaches the server: its
 * cleanup list stops it, see bench/cleanups.ts).
 */
export function startAppServer(
  port: number,
  env: NodeJS.ProcessEnv,
  host = "0.0.0.0",
  opts: { ownSession?: boolean } = {},
): Child {
  // A larger young generation: request garbage dies young instead of being promoted, which keeps the long
  // old-generation collections (the tail latency under webhook bursts) rare.
  const args = ["--max-semi-space-size=64", "--import", "tsx", SERVER, "--port", String(port), "--host", host];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: opts.ownSession ?? false,
  });
  return { process: child, stop: stopper(child) };
}

/** `next build`; `done` settles when it ends. */
export function startNextBuild(env: NodeJS.ProcessEnv): Child & { done: Promise<void> } {
  const child = spawn(process.execPath, [NEXT, "build"], { cwd: ROOT, env, stdio: "inherit" });
  const done = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
  return { process: child, done, stop: stopper(child) };
}

export function runNextBuild(env: NodeJS.ProcessEnv): Promise<void> {
  return startNextBuild(env).done;
}

export async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become healthy at ${url} (${last})`);
}
