// An analysis process gives way to the web process: its threads run at a lower CPU priority (nice 10), so a
// webhook or a page wins the core whenever both want it. On Linux the priority belongs to each thread, so every
// thread the process already has (V8's helpers, libuv's pool) is lowered; threads started later inherit it.
import { readdirSync } from "node:fs";
import os from "node:os";

export const ANALYSIS_NICE = 10;

export function lowerPriority(nice = ANALYSIS_NICE): void {
  try {
    os.setPriority(0, nice);
  } catch {
    return;
  }
  let threads: string[] = [];
  try {
    threads = readdirSync("/proc/self/task");
  } catch {
    return;
  }
  for (const tid of threads) {
    try {
      os.setPriority(Number(tid), nice);
    } catch {
      // A thread that ended meanwhile.
    }
  }
}
