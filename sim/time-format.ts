// Date rendering in the forms Adyen uses: "2022-10-28T09:16:22Z" and "2025-02-24T15:20:56+01:00".

/** ISO 8601 in UTC without milliseconds, as payment link `expiresAt`. */
export function formatUtcSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface LocalParts {
  readonly date: string; // YYYY-MM-DD
  readonly time: string; // HH:mm:ss
  readonly offset: string; // +01:00
}

export function localParts(date: Date, timeZone: string): LocalParts {
  const fmt = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "longOffset",
  });
  const parts = Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
  // "GMT" alone means a zero offset; otherwise it reads "GMT+01:00".
  const zone = parts["timeZoneName"] ?? "GMT";
  const offset = zone === "GMT" ? "+00:00" : zone.replace("GMT", "");
  return {
    date: `${parts["year"]}-${parts["month"]}-${parts["day"]}`,
    time: `${parts["hour"]}:${parts["minute"]}:${parts["second"]}`,
    offset,
  };
}

/** ISO 8601 with the zone's offset, as webhook `eventDate`. */
export function formatWithOffset(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.date}T${p.time}${p.offset}`;
}
