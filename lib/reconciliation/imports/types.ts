// Shapes shared by every import (POS orders, standalone receipts, Adyen reports), whatever the entry point
// (JSON API, CSV upload in the UI, `ops import`).
import type { Principal } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/** Also the value of import_batches.kind. */
export type ImportKind = "orders" | "receipts" | "settlement_details" | "payment_accounting";

export const IMPORT_KINDS: readonly ImportKind[] = ["orders", "receipts", "settlement_details", "payment_accounting"];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === "string" && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** One reason a row was not imported: `index` for API rows (0-based), `line` for files (1-based, header = 1). */
export type ImportProblem = { index?: number; line?: number; field: string; reason: string };

/** What an import source yields, in input order: a row ready to write, or a rejected row with its reasons. */
export type ImportItem<Row> =
  | { kind: "row"; row: Row; index?: number; line?: number }
  | { kind: "invalid"; index?: number; line?: number; problems: readonly RowProblem[] };

export type RowProblem = { field: string; reason: string };

export type RejectedRow = Extract<ImportItem<unknown>, { kind: "invalid" }>;

/** Rows the database added, changed, or already held unchanged (resends, re-imports). */
export type WriteCounts = { inserted: number; updated: number; duplicates: number };

export type ImportOptions = {
  /** Who imports: a user or token, or "system" for the operations CLI (which has shell access to everything). */
  actor: Principal | "system";
  fileName?: string;
  /** Import the valid rows and report the others, instead of rejecting the whole input. */
  skipInvalid?: boolean;
  /** Called for every rejected row (the CLI writes them to FILE.rejected.csv). */
  onRejectedRow?: (row: RejectedRow) => void;
  /** Asks for matching after a successful import; defaults to the fire-and-forget job request. */
  reconcile?: (reason: string) => void | Promise<void>;
  requestId?: string;
  /** The caller's own x-request-id, recorded beside ours in the audit log. */
  callerRequestId?: string;
  /** Where API-shaped rows came from: the public API (default) or a form in the app (the runbook's receipt form). */
  source?: "api" | "form";
};

type Counts = { kind: ImportKind; rows: number; rejected: number };

/** The first problems (see MAX_PROBLEMS_KEPT) and how many there were in all. */
export type ProblemReport = { problems: ImportProblem[]; problemCount: number };

export type ImportSuccess<S> = Counts &
  WriteCounts &
  ProblemReport & { ok: true; batchId: string; fileName: string | null; summary: S };

/** The whole input was refused and nothing was written. */
export type ImportRejection = Counts & ProblemReport & { ok: false };

export type ImportResult<S> = ImportSuccess<S> | ImportRejection;
