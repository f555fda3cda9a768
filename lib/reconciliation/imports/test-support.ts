// Helpers for the import tests: principals of each role, table counts, and options that never queue jobs.
import { Readable } from "node:stream";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { ImportOptions } from "@/lib/reconciliation/imports/types";

export function principal(role: Role, storeIds: string[] | "all" = "all"): Principal {
  return { kind: "user", id: `user-${role}`, label: `${role}@example.test`, role, storeIds };
}

/** Import options for tests: matching requests are recorded instead of queued (no pg-boss in unit tests). */
export function testOptions(
  actor: Principal | "system",
  extra: Partial<ImportOptions> = {},
): ImportOptions & { reconciled: string[] } {
  const reconciled: string[] = [];
  return { actor, reconcile: (reason) => void reconciled.push(reason), reconciled, ...extra };
}

export async function countRows(
  table: "pos_orders" | "standalone_receipts" | "settlement_lines" | "import_batches" | "audit_log",
): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? 0;
}

export async function resetImportTables(): Promise<void> {
  await db().$executeRawUnsafe(
    "TRUNCATE pos_orders, standalone_receipts, settlement_lines, import_batches, audit_log, stores CASCADE",
  );
}

/** CSV text as a stream in small chunks, the way an upload arrives. */
export function csvStream(text: string): Readable {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += 50) chunks.push(text.slice(i, i + 50));
  return Readable.from(chunks);
}
