// Running the engine's statements inside one Prisma interactive transaction, timed for benchmarks and slow-run logs.
import type { db } from "@/lib/db";

export type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];
export type Timings = { sql: string; ms: number }[];

// Runs that pace themselves (a full run gives way to live matching, see give-way.ts): awaited before each statement.
const pacers = new WeakMap<Tx, () => Promise<void>>();

export function paceStatements(tx: Tx, pace: () => Promise<void>): void {
  pacers.set(tx, pace);
}

/** Passes exactly the parameters a statement refers to ($1…$n), as PostgreSQL requires, and times it. */
export async function exec(tx: Tx, sql: string, params: readonly unknown[], timings: Timings): Promise<number> {
  const used = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  await pacers.get(tx)?.();
  const t = performance.now();
  const n = await tx.$executeRawUnsafe(sql, ...params.slice(0, used));
  timings.push({ sql: sql.replace(/\s+/g, " ").trim().slice(0, 70), ms: Math.round(performance.now() - t) });
  return n;
}

export async function execAll(tx: Tx, sqls: readonly string[], params: readonly unknown[], timings: Timings) {
  for (const sql of sqls) await exec(tx, sql, params, timings);
}

export const slowest = (timings: Timings, n = 5) => [...timings].sort((a, b) => b.ms - a.ms).slice(0, n);
