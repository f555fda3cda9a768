// Turns a report's local wall-clock time plus its TimeZone cell into an exact instant.
// Adyen writes "2024-03-14 10:21:03" with a zone column holding the account's zone, usually as an
// abbreviation that already says whether summer time applied ("CET" vs "CEST"), sometimes an IANA name.

/** On failure, `part` tells whether the date text or the zone was at fault, so the right column is blamed. */
export type TimeParse = { ok: true; value: Date } | { ok: false; part: "date" | "zone"; reason: string };

type Zone = { kind: "fixed"; offsetMinutes: number } | { kind: "iana"; formatter: Intl.DateTimeFormat };

/** Abbreviations with one meaning in practice; each is a fixed offset, because it names standard OR summer time. */
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  TRT: 180,
  SAST: 120,
  WAT: 60,
  EAT: 180,
  GST: 240,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  SGT: 480,
  HKT: 480,
  PHT: 480,
  MYT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  HST: -600,
  AKST: -540,
  AKDT: -480,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  BRT: -180,
  ART: -180,
};

/** Abbreviations naming several unrelated zones; a wrong guess shifts money by many hours. */
const AMBIGUOUS = new Set(["CST", "IST", "AST", "ADT", "SST", "ECT"]);

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const DAY_MS = 86_400_000;

// Reports repeat a handful of zone values millions of times; resolving each once keeps parsing cheap.
const zoneCache = new Map<string, Zone | string>();

export function parseReportTimestamp(
  dateText: string,
  zoneText: string,
  aliases: Readonly<Record<string, string>> = {},
): TimeParse {
  const wall = parseWallClock(dateText.trim());
  if (wall === null)
    return {
      ok: false,
      part: "date",
      reason: `"${dateText.trim()}" is not a date and time (expected YYYY-MM-DD HH:MM:SS)`,
    };
  const zone = resolveZone(zoneText.trim(), aliases);
  if (typeof zone === "string") return { ok: false, part: "zone", reason: zone };
  if (zone.kind === "fixed") return { ok: true, value: new Date(wall - zone.offsetMinutes * 60_000) };
  const instant = ianaInstant(wall, zone.formatter);
  if (instant === null)
    return {
      ok: false,
      part: "date",
      reason: `"${dateText.trim()}" does not exist in ${zoneText.trim()} (skipped by a clock change)`,
    };
  return { ok: true, value: new Date(instant) };
}

/** Milliseconds of the wall-clock reading as if it were UTC, or null when it is not a real calendar time. */
function parseWallClock(text: string): number | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second, millis] = match
    .slice(1)
    .map((part, i) => (i === 6 && part !== undefined ? Number(part.padEnd(3, "0")) : Number(part ?? 0)));
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second, millis);
  const check = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a round trip exposes impossible dates and times.
  const exact =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() + 1 === month &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  return exact ? ms : null;
}

function resolveZone(text: string, aliases: Readonly<Record<string, string>>): Zone | string {
  if (text === "") return "time zone is empty";
  const aliased = aliases[text] ?? aliases[text.toUpperCase()];
  const target = aliased ?? text;
  const cacheKey = aliased === undefined ? target : `${text}=>${target}`;
  const cached = zoneCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const zone = lookUpZone(target, aliased !== undefined);
  if (zoneCache.size >= 1000) zoneCache.clear(); // a hostile file must not grow this without bound
  zoneCache.set(cacheKey, zone);
  return zone;
}

function lookUpZone(text: string, isAlias: boolean): Zone | string {
  const upper = text.toUpperCase();
  const fixed = ABBREVIATIONS[upper];
  if (fixed !== undefined) return { kind: "fixed", offsetMinutes: fixed };
  const offset = OFFSET.exec(text);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return `time zone offset "${text}" is out of range`;
    return { kind: "fixed", offsetMinutes: offset[1] === "-" ? -minutes : minutes };
  }
  if (AMBIGUOUS.has(upper) && !isAlias)
    return `time zone "${text}" is ambiguous; configure what it means for this account`;
  try {
    const formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: text,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    return { kind: "iana", formatter };
  } catch {
    return `unknown time zone "${text}"`;
  }
}

/** Offset (ms) of the zone at an instant: the zone's wall clock read as UTC, minus the instant. */
function offsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(whole)) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - whole;
}

/**
 * The instant showing `wall` in the zone. Offsets a day before and after cover any clock change nearby;
 * a candidate is valid when the zone really has that offset then. In the repeated autumn hour the
 * earlier instant wins (the first time the clock showed it); in the skipped spring hour there is none.
 */
function ianaInstant(wall: number, formatter: Intl.DateTimeFormat): number | null {
  const offsets = new Set([offsetAt(wall - DAY_MS, formatter), offsetAt(wall + DAY_MS, formatter)]);
  const valid = [...offsets]
    .map((offset) => wall - offset)
    .filter((candidate) => offsetAt(candidate, formatter) === wall - candidate);
  return valid.length > 0 ? Math.min(...valid) : null;
}
