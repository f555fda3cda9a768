// The summary of an analysis, as the API answers it and `ops idempotency analyze --json` prints it.
import type { FindingCounts } from "@/lib/idempotency/codes";
import type { FileRead } from "@/lib/idempotency/input/read-file";
import type { StopCode } from "@/lib/idempotency/input/stops";
import type { ReadinessRow, Verdict } from "@/lib/idempotency/readiness";

/** Where reading a file stopped; `message` in English, `code` and `params` for the reader's language. */
export type FileProblem = {
  file: string;
  line?: number;
  entry?: number;
  code: StopCode;
  params: Record<string, number>;
  message: string;
};

export type AnalysisSummary = {
  id: string;
  files: number;
  entries: number;
  adyenRequests: number;
  chains: number;
  findings: FindingCounts;
  readiness: {
    /** Share (0..1) of the requests that should carry a key sent with a valid one and no legacy header. */
    overall: number;
    verdict: Verdict;
    requests: number;
    byEndpoint: { endpoint: string; requests: number; ready: number; verdict: Verdict }[];
  };
  /** Findings stored with their requests (at most IDEMPOTENCY_MAX_EVIDENCE); sampled when fewer than found. */
  evidence: { stored: number; sampled: boolean };
  /** False when a file could not be read to its end: see `problems`. */
  complete: boolean;
  problems: FileProblem[];
};

const share = (ready: number, requests: number) =>
  requests === 0 ? 0 : Math.round((ready / requests) * 10_000) / 10_000;

export function problemOf(f: FileRead): FileProblem | null {
  if (!f.stop) return null;
  const where =
    f.stop.entry !== undefined ? `entry ${f.stop.entry}` : f.stop.line !== undefined ? `line ${f.stop.line}` : null;
  const reason = f.stop.reason;
  // The reason often names the place already ("line 3 is not valid JSON"); say it once.
  const message =
    where && !reason.includes(where) ? `${f.name}: reading stopped at ${where}: ${reason}` : `${f.name}: ${reason}`;
  return {
    file: f.name,
    ...(f.stop.line !== undefined ? { line: f.stop.line } : {}),
    ...(f.stop.entry !== undefined ? { entry: f.stop.entry } : {}),
    code: f.stop.code,
    params: f.stop.params,
    message,
  };
}

export function buildSummary(input: {
  id: string;
  files: FileRead[];
  entries: number;
  adyenRequests: number;
  chains: number;
  findings: FindingCounts;
  overall: { requests: number; ready: number; verdict: Verdict };
  rows: ReadinessRow[];
  evidence: { stored: number; sampled: boolean };
}): AnalysisSummary {
  const problems = input.files.map(problemOf).filter((p): p is FileProblem => p !== null);
  return {
    id: input.id,
    files: input.files.length,
    entries: input.entries,
    adyenRequests: input.adyenRequests,
    chains: input.chains,
    findings: input.findings,
    readiness: {
      overall: share(input.overall.ready, input.overall.requests),
      verdict: input.overall.verdict,
      requests: input.overall.requests,
      byEndpoint: input.rows
        .filter((r) => r.dimension === "endpoint")
        .map((r) => ({
          endpoint: r.value,
          requests: r.requests,
          ready: share(r.ready, r.requests),
          verdict: r.verdict,
        })),
    },
    evidence: input.evidence,
    complete: problems.length === 0,
    problems,
  };
}
