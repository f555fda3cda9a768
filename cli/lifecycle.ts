// What a long-running command brought up (database, simulator, build, server), taken down in reverse order on every
// way out: Ctrl-C, SIGTERM, a failed step, or the app exiting. A failure ends with one line that says what to do.
import { EmbeddedDatabaseError } from "../lib/db/embedded-error.ts";

/** A failed start step: what happened and what the user can do about it. */
export class StartError extends Error {
  constructor(problem: string, remedy: string) {
    super(`${problem}; ${remedy}`);
    this.name = "StartError";
  }
}

export class Lifecycle {
  private readonly cleanups: (() => Promise<void>)[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private exiting = false;

  /** Stops `stop` on the way out; register a process as soon as it exists, before waiting for it to be ready. */
  onExit(stop: () => Promise<void>): void {
    this.cleanups.push(stop);
  }

  /** Awaits a start whose result must be stopped, even when the way out begins while it is still starting. */
  track<T>(starting: Promise<T>, stop: (started: T) => Promise<void>): Promise<T> {
    const registered = starting.then((started) => {
      this.cleanups.push(() => stop(started));
      return started;
    });
    this.pending.add(registered);
    void registered.then(
      () => this.pending.delete(registered),
      () => this.pending.delete(registered),
    );
    return registered;
  }

  get isExiting(): boolean {
    return this.exiting;
  }

  /** The one way out. Later calls (a second Ctrl-C, a step failing because of the first) change nothing. */
  async exit(code: number, message?: string): Promise<never> {
    if (this.exiting) return new Promise<never>(() => undefined);
    this.exiting = true;
    // From here on, errors are fallout of the stopping itself (a query cut off by its stopped server): not news.
    process.on("uncaughtException", () => undefined);
    process.on("unhandledRejection", () => undefined);
    if (message) process.stderr.write(`${message}\n`);
    await Promise.allSettled([...this.pending]);
    for (const stop of this.cleanups.splice(0).reverse()) await stop().catch(() => undefined);
    process.exit(code);
  }

  /**
   * SIGINT, SIGTERM and SIGHUP (the terminal closed) stop everything (exit 0: stopping is what was asked); a third
   * signal exits at once.
   */
  handleSignals(): void {
    let signals = 0;
    const onSignal = () => {
      if (++signals >= 3) process.exit(130);
      void this.exit(0);
    };
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
  }

  /** For `main().catch(…)`: one line, never a stack trace (LOG_LEVEL=debug adds it). */
  fail(err: unknown, debug: boolean): Promise<never> {
    if (this.exiting) return this.exit(1); // a step that failed because we are already stopping
    return this.exit(1, failureLine(err) + (debug && err instanceof Error && err.stack ? `\n${err.stack}` : ""));
  }
}

export function failureLine(err: unknown): string {
  if (err instanceof EmbeddedDatabaseError) return `Could not start the embedded PostgreSQL: ${err.message}`;
  if (err instanceof StartError) return `Could not start: ${err.message}`;
  return `Could not start: ${errorText(err)}; run again with LOG_LEVEL=debug for details`;
}

/** The first line of what went wrong; a connection refused on every address of a host has no message itself. */
export function errorText(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return errorText(err.errors[0]);
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  return (err.message || code || err.name).split("\n")[0]!;
}
