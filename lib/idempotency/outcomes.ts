// Why an analysis ended without results, or was refused: a code with its parameters (messages
// idempotency.outcome.<code> render it in the reader's language) and the same in English (the API, the CLI, logs).

export type OutcomeParams = Record<string, string | number>;

const ENGLISH = {
  no_exchanges: (p: OutcomeParams) => `no HTTP exchanges found in ${p.file}: not a HAR or exchange log`,
  out_of_memory: (p: OutcomeParams) => `the analysis ran out of memory (its limit is ${p.mb} MB) and was stopped`,
  crashed: (p: OutcomeParams) => `the analysis process ended unexpectedly (${p.how})`,
  time_limit: (p: OutcomeParams) =>
    `the analysis reached its time limit of ${p.seconds} s (IDEMPOTENCY_MAX_SECONDS) and did not finish saving in time`,
  cancelled: (p: OutcomeParams) => `cancelled by ${p.by}`,
  server_stopped: () => "the server that ran it stopped before it finished",
  internal: () => "the analysis failed on our side (the server log has the details)",
} satisfies Record<string, (p: OutcomeParams) => string>;

export type OutcomeCode = keyof typeof ENGLISH;
export const OUTCOME_CODES = Object.keys(ENGLISH) as OutcomeCode[];

export function isOutcomeCode(v: unknown): v is OutcomeCode {
  return typeof v === "string" && Object.hasOwn(ENGLISH, v);
}

export function outcomeText(code: OutcomeCode, params: OutcomeParams = {}): string {
  return ENGLISH[code](params);
}
