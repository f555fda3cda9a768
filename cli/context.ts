// What every `ops` command starts from: validated configuration and a migrated database (embedded or external).
import { envOrExit, type Env } from "../lib/env.ts";
import { resolveDatabase } from "../lib/db/resolve.ts";
import { migrate, type MigrateResult } from "../lib/db/migrate.ts";
import { disconnectDb } from "../lib/db.ts";
import { closeIdempotencyPool } from "../lib/idempotency/pg.ts";
import { AppError } from "../lib/errors.ts";
import { ZodError } from "zod";

/** `migrated`: what this command's own migration step did (every command migrates first). */
export type OpsContext = { env: Env; databaseUrl: string; migrated: MigrateResult; close: () => Promise<void> };

const opened: (() => Promise<void>)[] = [];

export async function openContext(): Promise<OpsContext> {
  const env = envOrExit();
  const database = await resolveDatabase(env, () => undefined);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // Every pool first (the checker has its own), so no connection sees its server go away.
    await Promise.all([disconnectDb(), closeIdempotencyPool()]);
    await database.stop(); // only a server this command started
  };
  opened.push(close);
  const migrated = await migrate(database.url);
  return { env, databaseUrl: database.url, migrated, close };
}

/** Run by `ops` on every way out (success, failure, Ctrl-C), so no command leaves an embedded server behind. */
export async function closeContexts(): Promise<void> {
  for (const close of opened.splice(0).reverse()) await close().catch(() => undefined);
}

export class UsageError extends Error {}

/** One line per problem on stderr, exit 1 (2 for usage); never a stack trace for expected errors. */
export function reportAndExit(err: unknown): never {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\nRun \`npx ops --help\` for usage.\n`);
    process.exit(2);
  }
  if (err instanceof ZodError) {
    for (const i of err.issues) process.stderr.write(`error: ${i.path.join(".") || "input"}: ${i.message}\n`);
    process.exit(1);
  }
  if (err instanceof AppError) {
    process.stderr.write(`error: ${err.message}\n`);
    for (const p of err.details?.problems ?? []) process.stderr.write(`  ${p.path}: ${p.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
