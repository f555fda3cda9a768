// Starts and watches one analysis process (child.ts): a child process, not a worker thread. V8 ends the whole
// process on some allocation failures ("Fatal JavaScript invalid size error", "Reached heap limit" on one large
// allocation) even from a worker with resourceLimits, which would take the web server with it; a child's crash
// is only the child's. The parent feeds it the upload's bytes, forwards its log lines, and learns its outcome.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { childEnv, env } from "@/lib/env";
import {
  endOfInput,
  frame,
  MAX_FRAME,
  type FromChild,
  type Task,
  type ToChild,
} from "@/lib/idempotency/runner/protocol";

/** Heap of an analysis process: its live set stays near 50 MB, a 64 MB HAR entry needs a few hundred. */
export const ANALYSIS_HEAP_MB = 1024;

export type ProcessOutcome =
  | { kind: "done"; summary: Extract<FromChild, { type: "done" }>["summary"]; maxRssBytes: number }
  | { kind: "refused"; message: string; reply: Record<string, unknown> }
  | { kind: "failed"; message: string }
  /** Ended without an answer: killed, out of memory, crashed. */
  | { kind: "exited"; code: number | null; signal: NodeJS.Signals | null; outOfMemory: boolean; last: string };

export type AnalysisProcess = {
  outcome: Promise<ProcessOutcome>;
  /**
   * Sends the files' bytes (for a task with stream input), then the end of the input. Stops quietly when the
   * process no longer reads (it ended, or stopped reading at a limit); rejects only when the source fails.
   */
  feed(files: AsyncIterable<{ name: string; bytes: AsyncIterable<Buffer> }>): Promise<void>;
  /** Asks it to stop reading and save what it has (the time limit). */
  requestStop(seconds: number): void;
  kill(): void;
  progress: { bytes: number; entries: number };
};

const OUT_OF_MEMORY = /heap out of memory|invalid size error|Allocation failed|Invalid (array|string) length/i;
const TAIL = 8 * 1024;

/** The entry point, resolved from the project folder (the working directory of npm start, ops and the tests). */
function childEntry(): string {
  const file = path.join(process.cwd(), "lib", "idempotency", "runner", "child.ts");
  if (!existsSync(/*turbopackIgnore: true*/ file)) {
    throw new Error(`the analysis process cannot start: ${file} is missing (start the app from its folder)`);
  }
  return file;
}

export function startAnalysisProcess(task: Task, heapMb = ANALYSIS_HEAP_MB): AnalysisProcess {
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, "--import", "tsx", childEntry()], {
    cwd: process.cwd(),
    env: childEnv({ LOG_LEVEL: env().LOG_LEVEL }),
    stdio: ["pipe", "ignore", "pipe", "ipc"],
  });
  const progress = { bytes: 0, entries: 0 };
  let answer: ProcessOutcome | null = null;
  let tail = "";
  child.stderr?.on("data", (d: Buffer) => {
    // Its log lines belong to the server's log; the last few are kept to tell how it ended.
    process.stderr.write(d);
    tail = (tail + d.toString("utf8")).slice(-TAIL);
  });
  child.on("message", (m: FromChild) => {
    if (m.type === "ready") tell({ type: "task", task });
    else if (m.type === "progress") Object.assign(progress, { bytes: m.bytes, entries: m.entries });
    else if (m.type === "done") answer = { kind: "done", summary: m.summary, maxRssBytes: m.maxRssBytes };
    else if (m.type === "refused") answer = { kind: "refused", message: m.message, reply: m.reply };
    else if (m.type === "failed") answer = { kind: "failed", message: m.message };
  });
  // A child that died leaves writes to its stdin and its channel failing: that is reported by its exit.
  child.stdin?.on("error", () => undefined);
  child.on("error", () => undefined);
  const tell = (m: ToChild) => {
    if (child.connected) child.send(m, (err) => void err);
  };
  const outcome = new Promise<ProcessOutcome>((resolve) => {
    child.once("error", (err) => resolve({ kind: "failed", message: err.message }));
    // "close", not "exit": by then its last IPC message has been read too.
    child.once("close", (code, signal) => {
      const last = tail.trim().split("\n").slice(-3).join("\n");
      resolve(answer ?? { kind: "exited", code, signal, outOfMemory: OUT_OF_MEMORY.test(tail), last });
    });
  });

  let gone = false;
  void outcome.then(() => (gone = true));
  /** False once the process is gone: nothing more is sent. */
  async function write(buf: Buffer): Promise<boolean> {
    const stdin = child.stdin;
    if (gone || !stdin || stdin.destroyed) return false;
    // A process that stopped reading (at a limit) closes its end: the pipe's error (EPIPE) means the same as its
    // exit, not a failing source (`once` rejects on "error").
    if (!stdin.write(buf)) await Promise.race([once(stdin, "drain").catch(() => undefined), outcome]);
    return !gone && !stdin.destroyed;
  }

  return {
    outcome,
    progress,
    feed: async (files) => {
      for await (const f of files) {
        for await (const chunk of f.bytes) {
          for (let at = 0; at < chunk.length; at += MAX_FRAME) {
            if (!(await write(frame(chunk.subarray(at, at + MAX_FRAME))))) return;
          }
        }
        if (!(await write(frame(Buffer.alloc(0))))) return;
      }
      if (await write(endOfInput())) child.stdin?.end();
    },
    requestStop: (seconds) => tell({ type: "stop", seconds }),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
