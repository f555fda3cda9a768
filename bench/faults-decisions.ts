// Finance's decisions for the faults benchmark's SIGKILL scenario: real ones, made through the same services the
// page uses (permission, audit, re-match), on pairs the generated data really has: exact matches finance rejects,
// and standalone receipts finance matches by hand. After the kill and a new run, every decision must still be
// active and still decide its order's result.
import type { Principal } from "../lib/auth/principal.ts";
import { disconnectDb, setDatabaseUrl } from "../lib/db.ts";
import { matchManually, rejectMatch } from "../lib/reconciliation/decisions.ts";
import { query } from "./faults-support.ts";

const FINANCE: Principal = {
  kind: "user",
  id: "faults",
  label: "faults@bench.local",
  role: "finance",
  storeIds: "all",
};
export const DECISIONS_PER_KIND = 25;

type Pair = { item: string; evidence: string };

/** Rejects exact matches and confirms standalone receipts by hand; throws when the data offers too few pairs. */
export async function seedDecisions(url: string): Promise<number> {
  const exact = await query<Pair>(
    url,
    `SELECT r.id::text AS item, e->>'id' AS evidence FROM recon_items r, jsonb_array_elements(r.evidence) e
     WHERE r.status = 'matched' AND r.method = 'merchant_reference' AND e->>'role' = 'payment' ORDER BY r.id LIMIT $1`,
    [DECISIONS_PER_KIND],
  );
  const standalone = await query<Pair>(
    url,
    `SELECT r.id::text AS item, e->>'id' AS evidence FROM recon_items r, jsonb_array_elements(r.evidence) e
     WHERE r.order_id IS NOT NULL AND r.method = 'standalone_heuristic' AND e->>'kind' = 'receipt' ORDER BY r.id LIMIT $1`,
    [DECISIONS_PER_KIND],
  );
  if (exact.length < DECISIONS_PER_KIND || standalone.length < DECISIONS_PER_KIND)
    throw new Error(`the generated data has too few pairs to decide on (${exact.length}, ${standalone.length})`);
  setDatabaseUrl(url);
  try {
    for (const p of exact) await rejectMatch(FINANCE, p.item, { kind: "event", id: p.evidence });
    for (const p of standalone) await matchManually(FINANCE, p.item, { kind: "receipt", id: p.evidence });
  } finally {
    await disconnectDb();
  }
  return exact.length + standalone.length;
}

/** Active decisions, and how many of them the results honour (a rejected payment not on its order, a manual match matched). */
export async function decisionsHonoured(url: string): Promise<{ active: number; honoured: number }> {
  const [row] = await query<{ active: number; honoured: number }>(
    url,
    `SELECT count(*)::int AS active, count(*) FILTER (WHERE CASE d.decision
       WHEN 'rejected' THEN NOT r.evidence @> jsonb_build_array(jsonb_build_object('kind', 'event', 'id', d.evidence_id::text))
       WHEN 'manual' THEN r.status = 'matched' AND r.reason = 'manual'
         AND r.evidence @> jsonb_build_array(jsonb_build_object('kind', d.evidence_kind, 'id', d.evidence_id::text))
       ELSE false END)::int AS honoured
     FROM match_decisions d JOIN recon_items r ON r.id = d.order_id * 3 WHERE d.active`,
  );
  return row ?? { active: 0, honoured: 0 };
}
