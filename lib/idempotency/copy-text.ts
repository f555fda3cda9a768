// Traffic text as PostgreSQL takes it. Mostly rows in its COPY text format, for the checker's bulk writes: one
// field per column, tab-separated, one line per row. In that format only backslash, tab, newline and carriage
// return need escaping, and `\N` is NULL; PostgreSQL reads it with far less work per row than a JSON document
// unpacked by json_to_recordset (measured: a third less database CPU per finding). Also what no column can hold
// (NUL, half a character), for the few texts written another way (storable).

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPED = /[\\\t\n\r\0]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "" };

/** A text field (NUL, which PostgreSQL's text cannot hold, is dropped). */
export function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (c) => ESCAPES[c] as string) : value;
}

// Half of a character (a lone UTF-16 surrogate: text cut in the middle of an emoji, or a bad \ud800 escape in a
// log) cannot be stored: in a text field it becomes U+FFFD on its way to UTF-8, and PostgreSQL's json refuses the
// \udXXX escape JSON.stringify writes for it, which failed the whole analysis. Such halves become U+FFFD here too.

/** The text with every lone surrogate replaced by U+FFFD (the same string when it has none). */
export function wellFormed(text: string): string {
  return text.isWellFormed() ? text : text.toWellFormed();
}

/**
 * A name from the traffic as PostgreSQL can store it wherever it goes (text, json, jsonb): without NUL, and with
 * U+FFFD for half a character. For the names that are counted and stored outside COPY (readiness, the analysis).
 */
export function storable(text: string): string {
  return wellFormed(text.includes("\0") ? text.replaceAll("\0", "") : text);
}

/** A json field. JSON text never holds a raw control character (JSON.stringify escapes them), only backslashes. */
export function copyJson(value: unknown): string {
  let text = JSON.stringify(value);
  if (text === undefined) return "\\N";
  // JSON.stringify escapes nothing else as \ud…: only a lone surrogate (or a backslash before "ud") gets here.
  if (text.includes("\\ud"))
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? wellFormed(v) : v));
  return text.includes("\\") ? text.replaceAll("\\", "\\\\") : text;
}

/** An integer field, or NULL. */
export function copyInt(value: number | null): string {
  return value === null ? "\\N" : String(value);
}

/** A text[] field of plain identifiers (finding codes): no quoting needed inside the array literal. */
export function copyIdentifiers(values: readonly string[]): string {
  return `{${values.join(",")}}`;
}

/** One row: its fields, each already encoded by the functions above. */
export function copyRow(fields: string[]): string {
  return `${fields.join("\t")}\n`;
}
