// Samples memory (proportional set size) of this process and of the PostgreSQL processes serving a data directory, so a
// benchmark can report the peak of the whole system doing the work, not just Node's heap.
import { readdirSync, readFileSync } from "node:fs";

function rssOfPostgres(dataDir: string): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("postgres")) continue;
      // Backends do not repeat the data directory on their command line; their parent (the postmaster) does.
      const stat = readFileSync(`/proc/${pid}/status`, "utf8");
      const ppid = /PPid:\s+(\d+)/.exec(stat)?.[1];
      const parentCmd = ppid ? readFileSync(`/proc/${ppid}/cmdline`, "utf8") : "";
      if (!cmd.includes(dataDir) && !parentCmd.includes(dataDir)) continue;
      // PSS, not RSS: shared buffers touched by several backends would otherwise be counted once per backend.
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      const kb = Number(/Pss:\s+(\d+)/.exec(rollup)?.[1] ?? 0);
      total += kb * 1024;
    } catch {
      /* the process ended while we looked */
    }
  }
  return total;
}

export function startMemorySampler(dataDir: string, everyMs = 200) {
  let peakNode = 0;
  let peakPg = 0;
  let peakTotal = 0;
  const sample = () => {
    const node = process.memoryUsage().rss;
    const pgRss = rssOfPostgres(dataDir);
    peakNode = Math.max(peakNode, node);
    peakPg = Math.max(peakPg, pgRss);
    peakTotal = Math.max(peakTotal, node + pgRss);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakNode, peakPg, peakTotal };
    },
  };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
