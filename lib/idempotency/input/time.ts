// The times the checker keeps. A log can hold any number as a time; JavaScript dates end at ±275,760 years (and
// printing one beyond throws) and PostgreSQL's at 4713 BC, so one absurd time failed a whole analysis. Times from
// 1970 to the end of 9999 (four-digit years, as ISO text writes them) are kept; any other is treated as absent,
// like a missing one.

const FIRST = Date.UTC(1970, 0, 1);
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** `ms` when it is a time in that range, else null (NaN included). */
export function usableTime(ms: number): number | null {
  return ms >= FIRST && ms <= LAST ? ms : null;
}

/** No HTTP exchange takes longer: a duration beyond it is a broken log field, shown as unknown. */
const MAX_DURATION = 24 * 60 * 60 * 1000;

/** A duration in whole milliseconds when it is one (0 to a day), else null. */
export function usableDuration(ms: number): number | null {
  return ms >= 0 && ms <= MAX_DURATION ? Math.round(ms) : null;
}
