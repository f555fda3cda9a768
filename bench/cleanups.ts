// A benchmark's cleanup list: what it started (servers, databases, folders), undone in reverse order exactly once,
// at the end or on Ctrl-C (then exit 130). Servers started in sessions of their own do not get the terminal's
// Ctrl-C, so this is what stops them.
const say = (msg: string) => process.stdout.write(`${msg}\n`);

export type Cleanups = {
  push: (fn: () => Promise<unknown>) => void;
  /** Runs the list (once: later calls wait for it) and stops listening for Ctrl-C. */
  cleanUp: () => Promise<void>;
};

export function cleanups(): Cleanups {
  const list: (() => Promise<unknown>)[] = [];
  const interrupt = () => void cleanUp().then(() => process.exit(130));
  const drain = async () => {
    for (const fn of list.splice(0).reverse()) await fn().catch((err: unknown) => say(`cleanup: ${String(err)}`));
  };
  // A second call (the run failing because Ctrl-C stopped its server) waits for the first to finish.
  let running = Promise.resolve();
  const cleanUp = () => {
    process.off("SIGINT", interrupt);
    running = running.then(drain);
    return running;
  };
  process.once("SIGINT", interrupt);
  return { push: (fn) => void list.push(fn), cleanUp };
}
