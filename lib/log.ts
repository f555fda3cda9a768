// Structured logs: one JSON line per event. Secrets are redacted by key name before anything is written.
import { env } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|hmac|cookie|signature/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
  return out;
}

function threshold(): number {
  try {
    return ORDER[env().LOG_LEVEL];
  } catch {
    return ORDER.info;
  }
}

let allToStderr = false;

/**
 * For one-shot commands (`npx ops …`): their stdout carries what they print (`--json` promises exactly one JSON
 * object there), so every log line goes to stderr. Services keep logging info and debug to stdout.
 */
export function logToStderr(): void {
  allToStderr = true;
}

function write(level: Level, event: string, fields: Record<string, unknown>): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(redact(fields) as object) });
  (allToStderr || level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  debug: (event: string, fields: Record<string, unknown> = {}) => write("debug", event, fields),
  info: (event: string, fields: Record<string, unknown> = {}) => write("info", event, fields),
  warn: (event: string, fields: Record<string, unknown> = {}) => write("warn", event, fields),
  error: (event: string, fields: Record<string, unknown> = {}) => write("error", event, fields),
};

export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { error: errorMessage(err), errorName: err.name };
  return { error: String(err) };
}

/** A connection refused on every address of a host is an AggregateError without a message of its own. */
function errorMessage(err: Error): string {
  if (err.message) return err.message;
  if (err instanceof AggregateError && err.errors[0] instanceof Error) return errorMessage(err.errors[0]);
  return (err as NodeJS.ErrnoException).code ?? err.name;
}
