// Reading and writing verdicts, transitions and incidents. Only verdicts that changed are written each cycle.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { VerdictState } from "@/lib/status/types";
import { parseReason } from "./verdicts/reason";
import type { Memory, StoredState, StoredVerdict, TerminalCounts } from "./verdicts/rules";

type Tx = Prisma.TransactionClient;

/** A stored verdict plus what was last shown (maintenance is shown, not stored as a state). */
export type Row = StoredVerdict & { subject: string; storeId: string | null; shown: VerdictState };

type MemoryJson = Memory & { shown?: VerdictState };

export async function loadVerdicts(): Promise<Map<string, Row>> {
  const rows = await db().statusVerdict.findMany();
  return new Map(
    rows.map((r) => {
      const memory = r.memory as MemoryJson;
      const { shown, ...rest } = memory;
      return [
        r.subject,
        {
          subject: r.subject,
          storeId: r.storeId,
          state: r.state as StoredState,
          since: r.since.toISOString(),
          reason: r.reason,
          why: parseReason(r.why, r.reason),
          terminals: (r.terminals as TerminalCounts | null) ?? null,
          memory: rest,
          shown: shown ?? (r.state as VerdictState),
        },
      ];
    }),
  );
}

function key(r: Row): string {
  return JSON.stringify([r.state, r.since, r.reason, r.why, r.terminals, r.memory, r.shown]);
}

/** Upserts the rows that differ from what was loaded, in one statement. */
export async function saveVerdicts(tx: Tx, rows: Row[], before: Map<string, Row>): Promise<number> {
  const changed = rows.filter((r) => {
    const old = before.get(r.subject);
    return !old || key(old) !== key(r);
  });
  if (changed.length === 0) return 0;
  await tx.$executeRaw`
    INSERT INTO status_verdicts
      (subject, store_id, state, since, reason, reason_codes, terminal_counts, memory, updated_at)
    SELECT v.subject, v.store_id, v.state, v.since, v.reason, v.reason_codes, v.terminal_counts, v.memory, now()
    FROM unnest(${changed.map((r) => r.subject)}::text[], ${changed.map((r) => r.storeId)}::text[],
      ${changed.map((r) => r.state)}::text[], ${changed.map((r) => r.since)}::timestamptz[],
      ${changed.map((r) => r.reason)}::text[], ${changed.map((r) => JSON.stringify(r.why))}::jsonb[],
      ${changed.map((r) => (r.terminals ? JSON.stringify(r.terminals) : null))}::jsonb[],
      ${changed.map((r) => JSON.stringify({ ...r.memory, shown: r.shown }))}::jsonb[])
      AS v(subject, store_id, state, since, reason, reason_codes, terminal_counts, memory)
    ON CONFLICT (subject) DO UPDATE SET state = excluded.state, since = excluded.since, reason = excluded.reason,
      reason_codes = excluded.reason_codes, terminal_counts = excluded.terminal_counts,
      memory = excluded.memory, updated_at = excluded.updated_at`;
  return changed.length;
}

export type ShownTransition = {
  subject: string;
  storeId: string | null;
  name: string;
  from: VerdictState;
  to: VerdictState;
  at: Date;
  reason: string;
  /** When the new state began (the first sample that confirmed it); `at` is when it was detected. */
  since?: Date;
  /** A component that only sums up stores (cloud link, Terminal API): kept in history, no incident, no alert. */
  summary?: boolean;
};

export function isProblem(s: VerdictState): boolean {
  return s === "degraded" || s === "outage";
}

const WORSE: Record<string, number> = { degraded: 1, outage: 2 };

/**
 * Records transitions and keeps the incident timeline: a problem that starts while another is open joins it (one
 * incident, several affected stores); the incident ends when its last affected subject is out of trouble. Written
 * in a few statements whatever the number of changes (a fleet-wide outage changes thousands of stores at once).
 */
export async function recordTransitions(
  tx: Tx,
  list: ShownTransition[],
): Promise<(ShownTransition & { id: bigint })[]> {
  if (list.length === 0) return [];
  let open = await tx.statusIncident.findFirst({ where: { endedAt: null }, orderBy: { startedAt: "desc" } });
  let dirty = false;
  const flush = async () => {
    if (open && dirty)
      await tx.statusIncident.update({
        where: { id: open.id },
        data: { worst: open.worst, subjects: open.subjects, open: open.open, endedAt: open.endedAt },
      });
    dirty = false;
  };
  const incidentIds: (bigint | null)[] = [];
  for (const t of list) {
    let incidentId: bigint | null = null;
    if (t.summary) {
      // history only
    } else if (isProblem(t.to)) {
      if (!open) {
        open = await tx.statusIncident.create({
          data: {
            startedAt: t.since ?? t.at,
            worst: t.to,
            cause: `${t.name}: ${t.reason}`,
            subjects: [t.subject],
            open: [t.subject],
          },
        });
      } else {
        if ((WORSE[t.to] ?? 0) > (WORSE[open.worst] ?? 0)) open.worst = t.to;
        if (!open.subjects.includes(t.subject)) open.subjects.push(t.subject);
        if (!open.open.includes(t.subject)) open.open.push(t.subject);
        dirty = true;
      }
      incidentId = open.id;
    } else if (isProblem(t.from) && open?.open.includes(t.subject)) {
      incidentId = open.id;
      open.open = open.open.filter((s) => s !== t.subject);
      dirty = true;
      if (open.open.length === 0) {
        open.endedAt = t.since ?? t.at;
        await flush();
        open = null;
      }
    }
    incidentIds.push(incidentId);
  }
  await flush();
  const rows = await tx.statusTransition.createManyAndReturn({
    data: list.map((t, i) => ({
      subject: t.subject,
      storeId: t.storeId,
      fromState: t.from,
      toState: t.to,
      at: t.at,
      reason: t.reason,
      incidentId: incidentIds[i] ?? null,
    })),
    select: { id: true },
  });
  return list.map((t, i) => ({ ...t, id: rows[i]?.id ?? 0n }));
}
