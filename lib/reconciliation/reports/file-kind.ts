// What a file given as CSV really is, told by its first bytes: a CSV import fed JSON, a workbook, an image or a
// compressed file is the user's wrong file, and saying what was found beats a parser error from deep inside it.
import { AppError } from "@/lib/errors";
import type { ReportInput } from "@/lib/reconciliation/reports/types";

/** Kinds of file that are not CSV text, as codes a page words in the reader's language (messages: problems.file.*). */
export type FoundKind = "json" | "gzip" | "zip" | "pdf" | "png" | "jpeg" | "gif" | "excel" | "utf16" | "binary";

const MAGIC: [FoundKind, number[]][] = [
  ["gzip", [0x1f, 0x8b]],
  ["zip", [0x50, 0x4b, 0x03, 0x04]],
  ["pdf", [0x25, 0x50, 0x44, 0x46]],
  ["png", [0x89, 0x50, 0x4e, 0x47]],
  ["jpeg", [0xff, 0xd8, 0xff]],
  ["gif", [0x47, 0x49, 0x46, 0x38]],
  // The compound file of .xls workbooks (and other old Office documents).
  ["excel", [0xd0, 0xcf, 0x11, 0xe0]],
  // A byte-order mark of UTF-16 ("Unicode text" as Excel saves it).
  ["utf16", [0xff, 0xfe]],
  ["utf16", [0xfe, 0xff]],
];

const FOUND_TEXT: Record<FoundKind, string> = {
  json: "JSON",
  gzip: "a gzip-compressed file",
  zip: "a ZIP archive (an Excel .xlsx workbook is one: save it as CSV)",
  pdf: "a PDF document",
  png: "a PNG image",
  jpeg: "a JPEG image",
  gif: "a GIF image",
  excel: "an Excel workbook (save it as CSV)",
  utf16: "UTF-16 text (save it as CSV UTF-8)",
  binary: "binary data, not text",
};

/** How much of the start of a file is looked at: enough for every signature and a first line's worth of text. */
const HEAD_BYTES = 512;

/** The kind of a file that is certainly not CSV text, from its first bytes; null when it may well be CSV. */
export function sniffNonCsv(head: Buffer): FoundKind | null {
  for (const [kind, magic] of MAGIC) if (magic.every((byte, i) => head[i] === byte)) return kind;
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (start < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[start] ?? 0)) start++;
  const first = head[start];
  // A CSV header never opens with a brace; "[" opens JSON when a value follows it.
  if (first === 0x7b) return "json";
  if (
    first === 0x5b &&
    /^\[\s*(?:[[{"\d\]-]|true|false|null)/.test(head.subarray(start, start + 16).toString("latin1"))
  ) {
    return "json";
  }
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return "binary";
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > head.length / 20 ? "binary" : null;
}

function refuse(found: FoundKind, expected: string): AppError {
  const message = `${expected} takes a CSV file (comma-separated text with a header line), and this file is ${FOUND_TEXT[found]}.`;
  return new AppError("UNSUPPORTED_MEDIA_TYPE", message, {
    problems: [{ path: "file", message, code: `file.${found}` }],
  });
}

/**
 * The input again, chunk for chunk, once its first bytes were checked: a file that is not CSV text is refused with a
 * 415 naming what was expected (`expected`, e.g. "The POS orders import") and what was found.
 */
export async function* checkedCsvInput(input: ReportInput, expected: string): AsyncGenerator<string | Buffer> {
  let head: Buffer[] | null = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    if (head === null) {
      yield chunk;
      continue;
    }
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    head.push(bytes);
    size += bytes.length;
    if (size < HEAD_BYTES) continue;
    const found = sniffNonCsv(Buffer.concat(head).subarray(0, HEAD_BYTES));
    if (found) throw refuse(found, expected);
    yield* head;
    head = null;
  }
  if (head === null) return;
  const found = sniffNonCsv(Buffer.concat(head));
  if (found) throw refuse(found, expected);
  yield* head;
}
