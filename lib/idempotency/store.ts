// Where an analysis goes in PostgreSQL: findings and chains in batches (COPY) as the analysis runs, and per-key
// scratch state while it runs. Evidence arrives redacted (evidenceOf); every other text that comes from the
// traffic passes through redaction here, so nothing unredacted reaches a row.
import { db } from "@/lib/db";
import { memoized } from "@/lib/idempotency/memo";
import { copyIdentifiers, copyInt, copyJson, copyRow, copyText, storable } from "@/lib/idempotency/copy-text";
import { idemCopy, idemQuery } from "@/lib/idempotency/pg";
import type { AnalysisSink, ChainRow } from "@/lib/idempotency/analyzer";
import type { KeyState } from "@/lib/idempotency/findings/key-state";
import type { KeySpill } from "@/lib/idempotency/keys";
import { redactCut, redactJson } from "@/lib/idempotency/redact";
import type { Finding } from "@/lib/idempotency/types";

const MAX_TEXT = 500;

// Endpoints, accounts and clients repeat on nearly every row: each distinct value is redacted once.
const cleaned = memoized((v) => redactCut(v, MAX_TEXT));
const clean = (v: string | null): string | null => (v === null ? null : cleaned(v));
const iso = (ms: number): string => new Date(ms).toISOString();

// COPY in text format (copy-text.ts): per row, PostgreSQL only splits fields and converts them, instead of first
// parsing a JSON document of the whole batch and then each row's json fields again.
const COPY_FINDINGS = `COPY idempotency_findings
  (analysis_id, code, chain_no, at, endpoint, merchant_account, region, client, idempotency_key, detail, evidence)
  FROM STDIN`;
const COPY_CHAINS = `COPY idempotency_chains
  (analysis_id, chain_no, endpoint, merchant_account, reference, region, client, first_at, last_at, attempt_count,
   key_count, codes, attempts)
  FROM STDIN`;

const text = (v: string | null): string => copyText(clean(v));
const time = (ms: number | null): string => (ms === null ? "\\N" : iso(ms));

export function pgSink(analysisId: string): AnalysisSink {
  return {
    findings: async (rows: Finding[]) => {
      let out = "";
      for (const f of rows) {
        out += copyRow([
          analysisId,
          f.code,
          copyInt(f.chainNo),
          time(f.at),
          text(f.endpoint),
          text(f.merchantAccount),
          copyText(f.region),
          text(f.client),
          text(f.idempotencyKey),
          copyJson(redactJson(f.detail)),
          copyJson(f.evidence),
        ]);
      }
      await idemCopy(COPY_FINDINGS, out);
    },
    chains: async (rows: ChainRow[]) => {
      let out = "";
      for (const c of rows) {
        out += copyRow([
          analysisId,
          copyInt(c.no),
          text(c.endpoint),
          text(c.merchantAccount),
          text(c.reference),
          copyText(c.region),
          text(c.client),
          time(c.firstAt),
          time(c.lastAt),
          copyInt(c.attemptCount),
          copyInt(c.keyCount),
          copyIdentifiers(c.codes),
          copyJson(c.attempts),
        ]);
      }
      await idemCopy(COPY_CHAINS, out);
    },
  };
}

// The spill is written for nearly every key of a big log (about 500,000 for 1 GB), so it is written with COPY
// into an unlogged table, the state as JSON text. A key's row is deleted as its state is read back into memory,
// so a key written again later never meets an earlier row of its own (COPY cannot update one).
const COPY_SPILL = "COPY idempotency_key_spill (analysis_id, key, state) FROM STDIN";

/**
 * A key as the spill's primary key: itself when PostgreSQL stores it unchanged, else U+0001 and its JSON (which
 * escapes NUL and half characters). One-to-one, so keys that differ only there stay apart: only the second form
 * starts with U+0001.
 */
function spillKey(key: string): string {
  return key.charCodeAt(0) !== 1 && storable(key) === key ? key : `\u0001${JSON.stringify(key)}`;
}

export function pgSpill(analysisId: string): KeySpill {
  return {
    load: async (keys) => {
      const asStored = new Map(keys.map((k) => [spillKey(k), k]));
      const rows = await idemQuery<{ key: string; state: string }>(
        `DELETE FROM idempotency_key_spill WHERE analysis_id = $1::uuid AND key = ANY($2::text[])
         RETURNING key, state`,
        [analysisId, [...asStored.keys()]],
      );
      return new Map(rows.map((r) => [asStored.get(r.key) as string, JSON.parse(r.state) as KeyState]));
    },
    save: async (entries) => {
      const rows: string[] = [];
      for (const [key, state] of entries) rows.push(copyRow([analysisId, copyText(spillKey(key)), copyJson(state)]));
      await idemCopy(COPY_SPILL, rows.join(""));
    },
  };
}

export async function clearSpill(analysisId: string): Promise<void> {
  await db().idempotencyKeySpill.deleteMany({ where: { analysisId } });
}

/** Whatever an analysis that did not finish wrote (its batches of findings and chains, its scratch state). */
export async function clearResults(analysisId: string): Promise<void> {
  await db().$transaction([
    db().idempotencyFinding.deleteMany({ where: { analysisId } }),
    db().idempotencyChain.deleteMany({ where: { analysisId } }),
    db().idempotencyReadiness.deleteMany({ where: { analysisId } }),
    db().idempotencyInput.deleteMany({ where: { analysisId } }),
  ]);
  await clearSpill(analysisId);
}
