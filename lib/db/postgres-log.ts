// The embedded server's log (DATA_DIR/postgres.log): kept small, and read back to say in one line why a start failed.
import { readFile, rename, stat } from "node:fs/promises";
import { EmbeddedDatabaseError } from "@/lib/db/embedded-error";

const LOG_ROTATE_BYTES = 5 * 1024 * 1024;

/** The server could not bind its port (taken since we picked it): the caller picks another. */
export class PortInUseError extends Error {}

export function lastMeaningfulLine(text: string): string | undefined {
  const lines = text.split("\n").map((l) => l.trim());
  return lines.reverse().find((l) => /FATAL|ERROR|PANIC|error|could not|cannot/.test(l)) ?? lines.find(Boolean);
}

export async function startFailure(logFile: string, dir: string, pid: number | undefined): Promise<Error> {
  const log = await readFile(logFile, "utf8").catch(() => "");
  const tail = log.split("\n").slice(-30).join("\n");
  // This attempt's lines only (the log also holds earlier runs); all of the tail when it wrote none of its own.
  const mine =
    tail
      .split("\n")
      .filter((l) => pid !== undefined && l.includes(`[${pid}]`))
      .join("\n") || tail;
  if (/could not bind|Address already in use/.test(mine)) return new PortInUseError(lastMeaningfulLine(mine));
  const running = mine.match(/Is another postmaster \(PID (\d+)\) running/);
  if (running) {
    return new EmbeddedDatabaseError(
      `another PostgreSQL (pid ${running[1]}) runs on ${dir} and does not answer with the settings in postgres.json`,
      `stop it (kill ${running[1]}) and start again`,
    );
  }
  return new EmbeddedDatabaseError(
    `PostgreSQL stopped while starting: ${whatItSaid(tail, pid) ?? "no message"}`,
    `see ${logFile}`,
  );
}

/** The failed server's own last words, without timestamps and routine lines (e.g. a bad setting, then FATAL). */
function whatItSaid(tail: string, pid: number | undefined): string | undefined {
  const own = tail
    .split("\n")
    .filter((l) => pid !== undefined && l.includes(`[${pid}]`))
    .map((l) => l.replace(/^.*?\[\d+\]\s+/, "").replace(/^LOG:\s+/, ""))
    .filter((l) => !/^(starting PostgreSQL|listening on|database system is shut down)/.test(l));
  return own.length > 0 ? own.slice(-2).join(" — ") : lastMeaningfulLine(tail);
}

export async function rotateLog(file: string): Promise<void> {
  const size = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  if (size > LOG_ROTATE_BYTES) await rename(file, `${file}.1`);
}
