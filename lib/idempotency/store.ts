// Where an analysis goes in PostgreSQL: findings and chains in multi-row statements (unnest over column arrays)
// as the analysis runs, per-key scratch state while it runs, and its totals at the end. Every text that comes
// from the traffic passes through redaction here once more, so nothing unredacted can reach a row.
import { db } from "@/lib/db";
import type { AnalysisSink, ChainRow } from "@/lib/idempotency/analyzer";
import type { KeyState } from "@/lib/idempotency/findings/key-state";
import type { KeySpill } from "@/lib/idempotency/keys";
import { redactJson, redactText } from "@/lib/idempotency/redact";
import type { Finding } from "@/lib/idempotency/types";

const MAX_TEXT = 500;

const clean = (v: string | null): string | null =>
  v === null ? null : redactText(v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const json = (v: unknown): string => JSON.stringify(redactJson(v));

const INSERT_FINDINGS = `
INSERT INTO idempotency_findings
  (analysis_id, code, chain_no, at, endpoint, merchant_account, region, client, idempotency_key, detail, evidence)
SELECT $1::uuid, t.code, t.chain_no, t.at, t.endpoint, t.merchant_account, t.region, t.client, t.key, t.detail::jsonb, t.evidence::jsonb
FROM unnest($2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
  AS t(code, chain_no, at, endpoint, merchant_account, region, client, key, detail, evidence)`;

const INSERT_CHAINS = `
INSERT INTO idempotency_chains
  (analysis_id, chain_no, endpoint, merchant_account, reference, region, client, first_at, last_at, attempt_count, key_count, codes, attempts)
SELECT $1::uuid, t.no, t.endpoint, t.account, t.reference, t.region, t.client, t.first_at, t.last_at, t.attempts_n, t.keys_n,
       string_to_array(t.codes, ','), t.attempts::jsonb
FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::int[], $11::int[], $12::text[], $13::text[])
  AS t(no, endpoint, account, reference, region, client, first_at, last_at, attempts_n, keys_n, codes, attempts)`;

export function pgSink(analysisId: string): AnalysisSink {
  return {
    findings: async (rows: Finding[]) => {
      await db().$executeRawUnsafe(
        INSERT_FINDINGS,
        analysisId,
        rows.map((f) => f.code),
        rows.map((f) => f.chainNo),
        rows.map((f) => iso(f.at)),
        rows.map((f) => clean(f.endpoint)),
        rows.map((f) => clean(f.merchantAccount)),
        rows.map((f) => f.region),
        rows.map((f) => clean(f.client)),
        rows.map((f) => clean(f.idempotencyKey)),
        rows.map((f) => json(f.detail)),
        rows.map((f) => json(f.evidence)),
      );
    },
    chains: async (rows: ChainRow[]) => {
      await db().$executeRawUnsafe(
        INSERT_CHAINS,
        analysisId,
        rows.map((c) => c.no),
        rows.map((c) => clean(c.endpoint)),
        rows.map((c) => clean(c.merchantAccount)),
        rows.map((c) => clean(c.reference)),
        rows.map((c) => c.region),
        rows.map((c) => clean(c.client)),
        rows.map((c) => iso(c.firstAt)),
        rows.map((c) => iso(c.lastAt)),
        rows.map((c) => c.attemptCount),
        rows.map((c) => c.keyCount),
        rows.map((c) => c.codes.join(",")),
        rows.map((c) => json(c.attempts)),
      );
    },
  };
}

export function pgSpill(analysisId: string): KeySpill {
  return {
    load: async (keys) => {
      const rows = await db().$queryRawUnsafe<{ key: string; state: KeyState }[]>(
        "SELECT key, state FROM idempotency_key_spill WHERE analysis_id = $1::uuid AND key = ANY($2::text[])",
        analysisId,
        keys,
      );
      return new Map(rows.map((r) => [r.key, r.state]));
    },
    save: async (entries) => {
      await db().$executeRawUnsafe(
        `INSERT INTO idempotency_key_spill (analysis_id, key, state)
         SELECT $1::uuid, t.key, t.state::jsonb FROM unnest($2::text[], $3::text[]) AS t(key, state)
         ON CONFLICT (analysis_id, key) DO UPDATE SET state = EXCLUDED.state`,
        analysisId,
        entries.map(([k]) => k),
        entries.map(([, s]) => JSON.stringify(s)),
      );
    },
  };
}

export async function clearSpill(analysisId: string): Promise<void> {
  await db().idempotencyKeySpill.deleteMany({ where: { analysisId } });
}
