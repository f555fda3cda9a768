// Why a verdict is what it is, as message codes with parameters (messages: statusReason.*), so that each reader
// gets it in their own language; the English text that the API, alerts and logs carry is rendered from the same
// messages (./reason-text.ts). Pure, and safe to import from client components (it carries no messages itself).

export const REASON_CODES = [
  "text",
  "cloudCheckFailed",
  "noTerminalsKnown",
  "onlyTerminalDown",
  "allTerminalsDown",
  "someTerminalsDown",
  "allTerminalsUp",
  "mostTerminalsUp",
  "terminalApi",
  "noProbeTerminal",
  "allStoresDown",
  "storesAffected",
  "storesAffectedMore",
  "allStoresFine",
  "noStoreWithTerminals",
  "noStoreWithProbeTerminal",
  "noStoreToCheck",
  "noStoreCheckable",
  "checkoutApi",
  "managementApi",
  "apiFailed",
  "apiSlow",
  "apiAnswers",
  "webhooksQuiet",
  "webhooksSilent",
  "webhooksNoneYetUsual",
  "webhooksLast",
  "webhooksNoneYet",
  "checksFailed",
  "problemFor",
  "flapping",
  "flapWatching",
  "waitingFirst",
  "maintenance",
  "maintenanceUntil",
  "noProbeYet",
  "probeJobFailed",
  "probeStale",
  "notProbedYet",
  "disagreeOutage",
  "disagreeDegraded",
  "disagreeProvider",
  "disagreeProviderNamed",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * A parameter: text or a number as it is; `since` a duration counting up from that time (live on a page, fixed at
 * the time of rendering in text); `ms` a fixed duration; `at` a point in time; `reason` a reason inside this one.
 */
export type ReasonValue = string | number | { since: string } | { ms: number } | { at: string } | { reason: Reason };
export type ReasonPart = { code: ReasonCode; values?: Record<string, ReasonValue> };
/** One or more parts, read one after the other ("…; …"). */
export type Reason = ReasonPart[];

export const reasonOf = (code: ReasonCode, values?: Record<string, ReasonValue>): Reason => [
  values ? { code, values } : { code },
];
/** Text that has no code (a stored reason from before codes, a detail from the provider): shown as it is. */
export const plainReason = (text: string): Reason => reasonOf("text", { text });

/** How a reader's side turns codes into words: their messages, durations and times, and what "now" is. */
export type ReasonFormat = {
  message: (key: string, values: Record<string, string | number>) => string;
  time: (iso: string) => string;
  now: number;
};

/** "40 s", "3 min", "2 h 5 min", "3 d 4 h" as message keys (statusReason.duration.*) and their numbers. */
export function durationMessage(ms: number): { key: string; values: Record<string, number> } {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return { key: "duration.s", values: { n: s } };
  const min = Math.floor(s / 60);
  if (min < 120) return { key: "duration.min", values: { n: min } };
  const h = Math.floor(min / 60);
  if (h < 48)
    return min % 60 ? { key: "duration.hMin", values: { h, min: min % 60 } } : { key: "duration.h", values: { n: h } };
  const d = Math.floor(h / 24);
  return h % 24 ? { key: "duration.dH", values: { d, h: h % 24 } } : { key: "duration.d", values: { n: d } };
}

export function renderDuration(ms: number, f: Pick<ReasonFormat, "message">): string {
  const d = durationMessage(ms);
  return f.message(d.key, d.values);
}

function renderValue(v: ReasonValue, f: ReasonFormat): string | number {
  if (typeof v === "string" || typeof v === "number") return v;
  if ("since" in v) return renderDuration(f.now - Date.parse(v.since), f);
  if ("ms" in v) return renderDuration(v.ms, f);
  if ("at" in v) return f.time(v.at);
  return renderReason(v.reason, f);
}

export function renderReason(reason: Reason, f: ReasonFormat): string {
  return reason
    .map((p) =>
      f.message(p.code, Object.fromEntries(Object.entries(p.values ?? {}).map(([k, v]) => [k, renderValue(v, f)]))),
    )
    .join("; ");
}

/** Whether a reason has a duration that counts up, so a page showing it needs to tick. */
export function isLive(reason: Reason): boolean {
  return reason.some((p) =>
    Object.values(p.values ?? {}).some(
      (v) => typeof v === "object" && ("since" in v || ("reason" in v && isLive(v.reason))),
    ),
  );
}

/** A stored reason as read back: what it was written as, or its text when it was written before codes. */
export function parseReason(stored: unknown, text: string): Reason {
  const known = (p: unknown) =>
    typeof p === "object" && p !== null && (REASON_CODES as readonly unknown[]).includes((p as ReasonPart).code);
  // A code this version does not know (written by a newer one) falls back to the English text, never to nothing.
  return Array.isArray(stored) && stored.length > 0 && stored.every(known) ? (stored as Reason) : plainReason(text);
}
