// Incremental matching: looks at what changed since the last run (a watermark in app settings) and re-runs
// matching for the merchant references and the time span those changes touch.
import { db } from "@/lib/db";
import { reconcile, type ReconcileResult } from "@/lib/reconciliation/engine/run";
import { SCOPE_MARGIN_MS } from "@/lib/reconciliation/engine/scope";

const WATERMARK = "reconciliation.watermark";
/**
 * Rows carry their transaction's start time (received_at, updated_at, created_at), so a row can commit after a run
 * read the clock yet carry an earlier time. The next watermark therefore trails the clock by this margin: longer
 * than any write transaction here (the largest file import), and harmless because matching is idempotent.
 */
const COMMIT_LAG_MARGIN = "15 minutes";
/** Beyond this many changed references a full run is cheaper than a long IN list. */
const MAX_SCOPED_REFERENCES = 50_000;

type Changes = { first: Date | null; last: Date | null; refs: string[] | null; n: bigint };

export async function reconcileChanges(): Promise<ReconcileResult | null> {
  const row = await db().appSetting.findUnique({ where: { key: WATERMARK } });
  const since = typeof row?.value === "string" ? new Date(row.value) : new Date(0);
  const [{ next }] = (await db().$queryRawUnsafe<{ next: Date }[]>(
    `SELECT now() - interval '${COMMIT_LAG_MARGIN}' AS next`,
  )) as [{ next: Date }];
  const [changes] = await db().$queryRaw<Changes[]>`
    SELECT min(t) AS first, max(t) AS last, array_agg(DISTINCT ref) FILTER (WHERE ref IS NOT NULL) AS refs, count(*) AS n FROM (
      SELECT COALESCE(event_date, received_at) AS t, NULLIF(merchant_reference, '') AS ref FROM payment_events WHERE received_at > ${since}
      UNION ALL SELECT ordered_at, merchant_reference FROM pos_orders WHERE updated_at > ${since}
      UNION ALL SELECT transacted_at, NULL FROM standalone_receipts WHERE created_at > ${since}
      UNION ALL SELECT created_at, reference FROM payment_links WHERE updated_at > ${since}
      UNION ALL SELECT o.ordered_at, o.merchant_reference FROM match_decisions d JOIN pos_orders o ON o.id = d.order_id WHERE d.decided_at > ${since}
      UNION ALL SELECT starts_at, NULL FROM outage_windows WHERE updated_at > ${since}
      UNION ALL SELECT COALESCE(ends_at, now()), NULL FROM outage_windows WHERE updated_at > ${since}
      UNION ALL SELECT s.booked_at, s.merchant_reference FROM settlement_lines s JOIN import_batches b ON b.id = s.import_id WHERE b.created_at > ${since}
    ) changed`;
  if (!changes || changes.n === 0n) return null;
  const refs = changes.refs ?? [];
  const result =
    refs.length > MAX_SCOPED_REFERENCES || !changes.first || !changes.last
      ? await reconcile({ kind: "full" })
      : await reconcile({
          kind: "partial",
          from: new Date(changes.first.getTime() - SCOPE_MARGIN_MS),
          to: new Date(changes.last.getTime() + SCOPE_MARGIN_MS),
          references: refs,
        });
  // Never move backwards: a run right after another must not widen the next one's scope for nothing.
  const value = (next > since ? next : since).toISOString();
  await db().appSetting.upsert({ where: { key: WATERMARK }, create: { key: WATERMARK, value }, update: { value } });
  return result;
}
