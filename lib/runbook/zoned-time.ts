// Wall-clock times in a store's time zone ("10:21 in Berlin") ↔ instants, without a date library: Intl knows the
// zones; the offset is found by formatting a guess and correcting once (twice around a DST change).

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-11-29T10:21" in "Europe/Berlin" → the instant; null when the text is not such a wall time. */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const m = WALL.exec(wall.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0));
  const guess = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  let instant = guess - offsetMs(guess, timeZone);
  instant = guess - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** The instant as "YYYY-MM-DDTHH:mm" on the store's wall clock (for datetime-local inputs). */
export function instantToWallTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** Midnight at the start of the instant's day on the store's wall clock. */
export function startOfDay(instant: Date, timeZone: string): Date {
  const day = instantToWallTime(instant, timeZone).slice(0, 10);
  return wallTimeToInstant(`${day}T00:00`, timeZone) ?? instant;
}
