// What every `ops` command starts from: validated configuration and a migrated database (embedded or external).
import { envOrExit, type Env } from "../lib/env.ts";
import { resolveDatabase } from "../lib/db/resolve.ts";
import { migrate } from "../lib/db/migrate.ts";
import { disconnectDb } from "../lib/db.ts";
import { AppError } from "../lib/errors.ts";
import { ZodError } from "zod";

export type OpsContext = { env: Env; databaseUrl: string; close: () => Promise<void> };

export async function openContext(): Promise<OpsContext> {
  const env = envOrExit();
  const database = await resolveDatabase(env, () => undefined);
  await migrate(database.url);
  return {
    env,
    databaseUrl: database.url,
    close: async () => {
      await disconnectDb();
      await database.stop();
    },
  };
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
