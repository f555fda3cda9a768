// bcrypt off the main thread. bcryptjs is pure JavaScript: on the main thread every sign-in would take ~100 ms
// of the event loop that also acknowledges Adyen's webhooks. One worker (a second CPU is for requests) runs the
// hashes one at a time; a bounded queue in front refuses the excess at once instead of piling up work.
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";

type Task = { op: "hash"; plain: string; cost: number } | { op: "compare"; plain: string; hash: string };
type Pending = { resolve: (v: string | boolean) => void; reject: (e: Error) => void };

// The worker's source is a string the bundler never sees: it loads bcryptjs from the project's node_modules
// (resolved from the working directory, the project root for npm start, ops and the tests).
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require(require.resolve("bcryptjs", { paths: [process.cwd()] }));
parentPort.on("message", (m) => {
  try {
    const result = m.op === "hash" ? bcrypt.hashSync(m.plain, m.cost) : bcrypt.compareSync(m.plain, m.hash);
    parentPort.postMessage({ id: m.id, result });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) });
  }
});`;

/** Hashes waiting beyond this are refused with RATE_LIMITED: ~3 s of queued sign-ins at cost 11. */
export const MAX_QUEUED_HASHES = 32;

class HashPool {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  run(task: Task): Promise<string | boolean> {
    if (this.pending.size >= MAX_QUEUED_HASHES) {
      return Promise.reject(new AppError("RATE_LIMITED", "Too many sign-ins at once; try again in a moment."));
    }
    const worker = this.start();
    const id = this.nextId++;
    // Held while work is queued (an idle worker must not keep a CLI process alive, a busy one must).
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...task });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on("message", (m: { id: number; result?: string | boolean; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (!p) return;
      if (m.error !== undefined || m.result === undefined) p.reject(new Error(`bcrypt: ${m.error ?? "no result"}`));
      else p.resolve(m.result);
    });
    // A crashed worker fails what it held; the next task starts a new one.
    worker.on("error", (err) => this.fail(err));
    worker.on("exit", () => this.fail(new Error("the bcrypt worker exited")));
    this.worker = worker;
    return worker;
  }

  private fail(err: Error): void {
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

const globalForPool = globalThis as unknown as { __opsHashPool?: HashPool };
const pool = (): HashPool => (globalForPool.__opsHashPool ??= new HashPool());

export async function bcryptHash(plain: string, cost: number): Promise<string> {
  return String(await pool().run({ op: "hash", plain, cost }));
}

export async function bcryptCompare(plain: string, hash: string): Promise<boolean> {
  return (await pool().run({ op: "compare", plain, hash })) === true;
}
