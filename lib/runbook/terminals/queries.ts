// Reading terminals: filtered, sorted and keyset-paginated in SQL (sort columns whitelisted), only in the caller's
// stores; the sync state shown beside them; per-store counts for the runbook.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, storesFor } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { PRINTER_MODELS, normaliseModel } from "@/lib/runbook/terminals/printers";
import type { TerminalFilter } from "@/lib/runbook/terminals/filters";
import type { SettingLevel } from "@/lib/runbook/terminals/levels";

export type TerminalRow = {
  terminalId: string;
  storeId: string | null;
  storeName: string | null;
  model: string | null;
  serialNumber: string | null;
  printer: boolean;
  standalone: { enabled: boolean | null; currency: string | null; level: SettingLevel | null };
  readyForStandalone: boolean;
  connected: boolean | null;
  connectedCheckedAt: string | null;
  lastActivityAt: string | null;
  assignmentStatus: string | null;
};

const PRINTERS = PRINTER_MODELS.map(normaliseModel);
const printerSql = Prisma.sql`(lower(regexp_replace(coalesce(t.model, ''), '[[:space:]_-]', '', 'g')) = ANY(${PRINTERS}))`;
const readySql = Prisma.sql`(t.standalone_enabled IS TRUE AND t.assignment_status = 'boarded' AND ${printerSql})`;

const SORT_SQL: Record<TerminalFilter["sort"], { expr: Prisma.Sql; cursor: (v: unknown) => Prisma.Sql }> = {
  terminal: { expr: Prisma.sql`t.id`, cursor: (v) => Prisma.sql`${String(v)}::text` },
  store: { expr: Prisma.sql`coalesce(s.name, '')`, cursor: (v) => Prisma.sql`${String(v)}::text` },
  model: { expr: Prisma.sql`coalesce(t.model, '')`, cursor: (v) => Prisma.sql`${String(v)}::text` },
  standalone: {
    expr: Prisma.sql`(CASE WHEN t.standalone_enabled THEN 2 WHEN t.standalone_enabled IS FALSE THEN 1 ELSE 0 END)`,
    cursor: (v) => Prisma.sql`${Number(v)}::int`,
  },
  activity: {
    expr: Prisma.sql`coalesce(t.last_activity_at, 'epoch'::timestamptz)`,
    cursor: (v) => Prisma.sql`${String(v)}::timestamptz`,
  },
  connected: {
    expr: Prisma.sql`(CASE WHEN t.connected THEN 2 WHEN t.connected IS FALSE THEN 1 ELSE 0 END)`,
    cursor: (v) => Prisma.sql`${Number(v)}::int`,
  },
};

type Raw = {
  id: string;
  store_id: string | null;
  store_name: string | null;
  model: string | null;
  serial_number: string | null;
  printer: boolean;
  ready: boolean;
  standalone_enabled: boolean | null;
  standalone_currency: string | null;
  standalone_level: string | null;
  connected: boolean | null;
  connected_checked_at: Date | null;
  last_activity_at: Date | null;
  assignment_status: string | null;
  sort_value: unknown;
};

function whereFor(f: TerminalFilter, stores: string[] | "all"): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`t.removed_at IS NULL`];
  if (stores !== "all") parts.push(Prisma.sql`t.store_id = ANY(${stores})`);
  if (f.storeId) parts.push(Prisma.sql`t.store_id = ${f.storeId}`);
  if (f.readyForStandalone !== undefined) parts.push(f.readyForStandalone ? readySql : Prisma.sql`NOT ${readySql}`);
  if (f.printer !== undefined) parts.push(f.printer ? printerSql : Prisma.sql`NOT ${printerSql}`);
  if (f.standalone === "on") parts.push(Prisma.sql`t.standalone_enabled IS TRUE`);
  if (f.standalone === "off") parts.push(Prisma.sql`t.standalone_enabled IS FALSE`);
  if (f.standalone === "unknown") parts.push(Prisma.sql`t.standalone_enabled IS NULL`);
  if (f.level) parts.push(Prisma.sql`t.standalone_level = ${f.level}`);
  if (f.connected === "online") parts.push(Prisma.sql`t.connected IS TRUE`);
  if (f.connected === "offline") parts.push(Prisma.sql`t.connected IS FALSE`);
  if (f.connected === "unknown") parts.push(Prisma.sql`t.connected IS NULL`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(t.id ILIKE ${like} OR t.serial_number ILIKE ${like} OR s.name ILIKE ${like})`);
  }
  return Prisma.join(parts, " AND ");
}

function encodeCursor(value: unknown, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString("base64url");
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const [v, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof id !== "string") throw new Error("bad cursor");
    return [v, id];
  } catch {
    throw new AppError("VALIDATION", "Invalid cursor: pass back the nextCursor value unchanged.", {
      problems: [{ path: "cursor", message: "pass back the nextCursor value unchanged" }],
    });
  }
}

function toRow(r: Raw): TerminalRow {
  return {
    terminalId: r.id,
    storeId: r.store_id,
    storeName: r.store_name,
    model: r.model,
    serialNumber: r.serial_number,
    printer: r.printer,
    standalone: {
      enabled: r.standalone_enabled,
      currency: r.standalone_currency,
      level: r.standalone_level as SettingLevel | null,
    },
    readyForStandalone: r.ready,
    connected: r.connected,
    connectedCheckedAt: r.connected_checked_at?.toISOString() ?? null,
    lastActivityAt: r.last_activity_at?.toISOString() ?? null,
    assignmentStatus: r.assignment_status,
  };
}

/** One page (`limit` rows) or, without a limit, every matching terminal. */
export async function listTerminals(
  actor: Principal | "system",
  f: TerminalFilter,
): Promise<{ items: TerminalRow[]; nextCursor: string | null }> {
  const stores = storesFor(actor, "terminals.read");
  if (f.storeId) assertCan(actor, "terminals.read", { storeId: f.storeId });
  const { expr: sort, cursor: cursorValue } = SORT_SQL[f.sort];
  const desc = f.dir === "desc";
  const where = [whereFor(f, stores)];
  if (f.cursor) {
    const [value, id] = decodeCursor(f.cursor);
    const after = desc ? Prisma.sql`<` : Prisma.sql`>`;
    where.push(Prisma.sql`(${sort}, t.id) ${after} (${cursorValue(value)}, ${id}::text)`);
  }
  const order = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const limit = f.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${f.limit + 1}`;
  const rows = await db().$queryRaw<Raw[]>`
    SELECT t.id, t.store_id, s.name AS store_name, t.model, t.serial_number, ${printerSql} AS printer, ${readySql} AS ready,
           t.standalone_enabled, t.standalone_currency, t.standalone_level, t.connected, t.connected_checked_at,
           t.last_activity_at, t.assignment_status, ${sort} AS sort_value
    FROM terminals t LEFT JOIN stores s ON s.id = t.store_id
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${sort} ${order}, t.id ${order}
    ${limit}`;
  const page = f.limit === undefined ? rows : rows.slice(0, f.limit);
  const last = page.at(-1);
  const more = f.limit !== undefined && rows.length > f.limit && last;
  return { items: page.map(toRow), nextCursor: more ? encodeCursor(last.sort_value, last.id) : null };
}

export type SyncState = {
  lastSuccess: { at: string; mode: string; terminals: number } | null;
  lastRun: { status: string; mode: string; startedAt: string; finishedAt: string | null; error: string | null } | null;
};

/** The data shown is the newest succeeded run's; the newest run may have failed (or still be running). */
export async function terminalSyncState(actor: Principal | "system"): Promise<SyncState> {
  assertCan(actor, "terminals.read");
  const [success, run] = await Promise.all([
    db().terminalSync.findFirst({ where: { status: "succeeded" }, orderBy: { finishedAt: "desc" } }),
    db().terminalSync.findFirst({ orderBy: { startedAt: "desc" } }),
  ]);
  return {
    lastSuccess: success?.finishedAt
      ? { at: success.finishedAt.toISOString(), mode: success.mode, terminals: success.terminals }
      : null,
    lastRun: run
      ? {
          status: run.status,
          mode: run.mode,
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          error: run.error,
        }
      : null,
  };
}

export type StoreTerminalCounts = { total: number; ready: number; printerStandaloneOff: number; offline: number };

/** What the runbook's recommendation needs about one store's terminals. */
export async function storeTerminalCounts(storeId: string): Promise<StoreTerminalCounts> {
  const [row] = await db().$queryRaw<{ total: bigint; ready: bigint; off: bigint; offline: bigint }[]>`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE ${readySql}) AS ready,
           count(*) FILTER (WHERE ${printerSql} AND t.assignment_status = 'boarded' AND t.standalone_enabled IS NOT TRUE) AS off,
           count(*) FILTER (WHERE t.connected IS FALSE) AS offline
    FROM terminals t WHERE t.store_id = ${storeId} AND t.removed_at IS NULL`;
  return {
    total: Number(row?.total ?? 0),
    ready: Number(row?.ready ?? 0),
    printerStandaloneOff: Number(row?.off ?? 0),
    offline: Number(row?.offline ?? 0),
  };
}
