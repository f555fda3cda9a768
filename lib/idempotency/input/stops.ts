// Why reading a file stopped, as a code with its parameters (the page renders it in the reader's language:
// messages idempotency.stop.<code>) and the same in English (the API's and the CLI's `message`, the logs).
// Where it stopped (line or entry) travels beside it.

type Params = Record<string, number>;

const ENGLISH = {
  empty: () => "the file is empty",
  not_har_or_ndjson: () => "not a HAR or NDJSON file",
  line_invalid: (p: Params) => `line ${p.line} is not valid JSON`,
  line_cut_off: (p: Params) => `line ${p.line} is incomplete (the file is cut off)`,
  line_too_long: (p: Params) => `line ${p.line} is longer than ${p.mb} MB`,
  line_too_deep: (p: Params) => `line ${p.line} nests deeper than ${p.depth} levels`,
  entry_invalid: (p: Params) => `entry ${p.entry} is not valid JSON`,
  entry_not_object: (p: Params) => `entry ${p.entry} is not an object`,
  entry_too_large: (p: Params) => `entry ${p.entry} is larger than ${p.mb} MB`,
  har_too_deep: (p: Params) => `the HAR document nests deeper than ${p.depth} levels (at byte ${p.byte})`,
  har_name_too_long: (p: Params) => `a name in the HAR document is longer than ${p.kb} KB (at byte ${p.byte})`,
  har_outside_too_large: (p: Params) => `more than ${p.mb} MB of the HAR document lie outside log.entries`,
  har_not_object: () => "not a HAR file: it does not start with a JSON object",
  har_after_entry: (p: Params) => `unexpected content after entry ${p.entry}`,
  har_after_document: () => "unexpected content after the HAR document",
  har_cut_off_entry: (p: Params) => `the file ends inside entry ${p.entry} (cut off)`,
  har_cut_off: () => "the file ends before the HAR document is complete (cut off)",
  har_no_entries: () => "not a HAR file: there is no log.entries array",
  content_too_large: (p: Params) => `the content is larger than ${p.mb} MB once decompressed`,
  gzip_bomb: (p: Params) =>
    `the content expands more than ${p.ratio}-fold (a gzip bomb?): reading stopped after ${p.mb} MB`,
  gzip_cut_off: () => "the gzip stream ends early (the file is cut off)",
  gzip_damaged: () => "the gzip stream is damaged",
  time_limit: (p: Params) => `the analysis reached its time limit of ${p.seconds} s (IDEMPOTENCY_MAX_SECONDS)`,
} satisfies Record<string, (p: Params) => string>;

export type StopCode = keyof typeof ENGLISH;
export const STOP_CODES = Object.keys(ENGLISH) as StopCode[];

export function isStopCode(v: unknown): v is StopCode {
  return typeof v === "string" && Object.hasOwn(ENGLISH, v);
}

export function stopText(code: StopCode, params: Params = {}): string {
  return ENGLISH[code](params);
}

/** Reading cannot go on; `line` / `entry` when the layer that noticed knows where (else the reader adds it). */
export class ReadStopError extends Error {
  constructor(
    readonly code: StopCode,
    readonly params: Params = {},
    readonly at: { line?: number; entry?: number } = {},
  ) {
    super(stopText(code, params));
    this.name = "ReadStopError";
  }
}
