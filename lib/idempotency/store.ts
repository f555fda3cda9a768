// Where an analysis goes in PostgreSQL: findings and chains in multi-row statements (unnest over column arrays)
// as the analysis runs, and per-key scratch state while it runs. Evidence arrives redacted (evidenceOf); every
// other text that comes from the traffic passes through redaction here, so nothing unredacted reaches a row.
import { db } from "@/lib/db";
import { idemQuery } from "@/lib/idempotency/pg";
import type { AnalysisSink, ChainRow } from "@/lib/idempotency/analyzer";
import type { KeyState } from "@/lib/idempotency/findings/key-state";
import type { KeySpill } from "@/lib/idempotency/keys";
import { redactJson, redactText } from "@/lib/idempotency/redact";
import type { Finding } from "@/lib/idempotency/types";

const MAX_TEXT = 500;

// Endpoints, accounts and clients repeat on nearly every row: each distinct value is redacted once.
const cleaned = new Map<string, string>();
const clean = (v: string | null): string | null => {
  if (v === null) return null;
  let out = cleaned.get(v);
  if (out === undefined) {
    out = redactText(v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v);
    if (cleaned.size >= 10_000) cleaned.clear();
    cleaned.set(v, out);
  }
  return out;
};
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

// One JSON document per batch, unpacked by PostgreSQL: a single native JSON.stringify here instead of
// serialising thousands of array elements, and the parsing happens in the database's own process.
const INSERT_FINDINGS = `
INSERT INTO idempotency_findings
  (analysis_id, code, chain_no, at, endpoint, merchant_account, region, client, idempotency_key, detail, evidence)
SELECT $1::uuid, t.code, t.chain_no, t.at, t.endpoint, t.merchant_account, t.region, t.client, t.key, t.detail, t.evidence
FROM json_to_recordset($2::json) AS t(code text, chain_no int, at timestamptz, endpoint text, merchant_account text,
  region text, client text, key text, detail json, evidence json)`;

const INSERT_CHAINS = `
INSERT INTO idempotency_chains
  (analysis_id, chain_no, endpoint, merchant_account, reference, region, client, first_at, last_at, attempt_count, key_count, codes, attempts)
SELECT $1::uuid, t.no, t.endpoint, t.account, t.reference, t.region, t.client, t.first_at, t.last_at, t.attempts_n, t.keys_n,
       t.codes, t.attempts
FROM json_to_recordset($2::json) AS t(no int, endpoint text, account text, reference text, region text, client text,
  first_at timestamptz, last_at timestamptz, attempts_n int, keys_n int, codes text[], attempts json)`;

export function pgSink(analysisId: string): AnalysisSink {
  return {
    findings: async (rows: Finding[]) => {
      const doc = rows.map((f) => ({
        code: f.code,
        chain_no: f.chainNo,
        at: iso(f.at),
        endpoint: clean(f.endpoint),
        merchant_account: clean(f.merchantAccount),
        region: f.region,
        client: clean(f.client),
        key: clean(f.idempotencyKey),
        detail: redactJson(f.detail),
        evidence: f.evidence,
      }));
      await idemQuery(INSERT_FINDINGS, [analysisId, JSON.stringify(doc)]);
    },
    chains: async (rows: ChainRow[]) => {
      const doc = rows.map((c) => ({
        no: c.no,
        endpoint: clean(c.endpoint),
        account: clean(c.merchantAccount),
        reference: clean(c.reference),
        region: c.region,
        client: clean(c.client),
        first_at: iso(c.firstAt),
        last_at: iso(c.lastAt),
        attempts_n: c.attemptCount,
        keys_n: c.keyCount,
        codes: c.codes,
        attempts: c.attempts,
      }));
      await idemQuery(INSERT_CHAINS, [analysisId, JSON.stringify(doc)]);
    },
  };
}

export function pgSpill(analysisId: string): KeySpill {
  return {
    load: async (keys) => {
      const rows = await idemQuery<{ key: string; state: KeyState }>(
        "SELECT key, state FROM idempotency_key_spill WHERE analysis_id = $1::uuid AND key = ANY($2::text[])",
        [analysisId, keys],
      );
      return new Map(rows.map((r) => [r.key, r.state]));
    },
    save: async (entries) => {
      await idemQuery(
        `INSERT INTO idempotency_key_spill (analysis_id, key, state)
         SELECT $1::uuid, t.key, t.state::jsonb FROM unnest($2::text[], $3::text[]) AS t(key, state)
         ON CONFLICT (analysis_id, key) DO UPDATE SET state = EXCLUDED.state`,
        [analysisId, entries.map(([k]) => k), entries.map(([, s]) => JSON.stringify(s))],
      );
    },
  };
}

export async function clearSpill(analysisId: string): Promise<void> {
  await db().idempotencyKeySpill.deleteMany({ where: { analysisId } });
}
