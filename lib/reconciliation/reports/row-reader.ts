// Reads typed fields out of one report line, collecting every problem instead of stopping at the first,
// so finance sees all that is wrong with a line at once.
import { isKnownCurrency, tryParseMajorAmount } from "@/lib/money";
import type { CsvRecord } from "@/lib/reconciliation/reports/csv-records";
import type { ColumnSpec, ResolvedHeader } from "@/lib/reconciliation/reports/header";
import { parseReportTimestamp } from "@/lib/reconciliation/reports/report-time";
import type { ParseReportOptions, ReportProblem } from "@/lib/reconciliation/reports/types";

const DECIMAL = /^\d+(?:\.\d+)?$/;

export class RowReader<K extends string> {
  readonly problems: ReportProblem[] = [];
  readonly line: number;
  // false marks a currency cell already reported as invalid, so its amounts add no second problem.
  private readonly currencies = new Map<K, string | null | false>();

  constructor(
    private readonly record: CsvRecord,
    private readonly header: ResolvedHeader<K>,
    private readonly spec: ColumnSpec<K>,
    private readonly options: ParseReportOptions,
  ) {
    this.line = record.line;
  }

  /** False (with a problem) when the line's cells do not line up with the header. */
  hasHeaderShape(): boolean {
    const expected = this.header.names.length;
    const cells = this.record.cells;
    const extra = cells.slice(expected);
    // Trailing empty cells are harmless (some generators end lines with a comma); anything else means misaligned columns.
    if (cells.length >= expected && extra.every((cell) => cell.trim() === "")) return true;
    this.problems.push({
      line: this.line,
      field: "(line)",
      reason: `has ${cells.length} columns, the header has ${expected}`,
    });
    return false;
  }

  /** Trimmed cell text; null when the column is absent or the cell is empty. */
  text(field: K): string | null {
    const position = this.header.index[field];
    const value = position === undefined ? undefined : this.record.cells[position]?.trim();
    return value ? value : null;
  }

  requiredText(field: K): string | null {
    const value = this.text(field);
    if (value === null) this.report(field, "is empty");
    return value;
  }

  currency(field: K): string | null {
    const known = this.currencies.get(field);
    if (known !== undefined) return known === false ? null : known;
    const text = this.text(field)?.toUpperCase() ?? null;
    const valid = text === null || isKnownCurrency(text);
    if (!valid) this.report(field, `unknown currency "${text}"`);
    this.currencies.set(field, valid ? text : false);
    return valid ? text : null;
  }

  /** Amount in minor units of the currency in `currencyField`; null for an empty cell. */
  amount(field: K, currencyField: K): number | null {
    const text = this.text(field);
    const currency = this.currency(currencyField);
    if (text === null || this.currencies.get(currencyField) === false) return null;
    if (currency === null) {
      this.report(field, `has an amount but ${this.label(currencyField)} is empty`);
      return null;
    }
    const parsed = tryParseMajorAmount(text, currency);
    if (parsed.ok) return parsed.value;
    this.report(field, parsed.reason);
    return null;
  }

  /** Unsigned decimal kept as text (exchange rates are not money and must not go through floats). */
  decimal(field: K): string | null {
    const value = this.text(field);
    if (value !== null && !DECIMAL.test(value)) this.report(field, `"${value}" is not a decimal number`);
    return value !== null && DECIMAL.test(value) ? value : null;
  }

  /** Date cell interpreted in the zone of the first non-empty zone column given. */
  timestamp(field: K, zoneFields: readonly K[], required: boolean): Date | null {
    const text = this.text(field);
    if (text === null) {
      if (required) this.report(field, "is empty");
      return null;
    }
    const zoneField = zoneFields.find((candidate) => this.text(candidate) !== null) ?? zoneFields[0];
    const zone = zoneField === undefined ? "" : (this.text(zoneField) ?? "");
    const parsed = parseReportTimestamp(text, zone, this.options.zoneAliases);
    if (parsed.ok) return parsed.value;
    this.report(parsed.part === "zone" && zoneField !== undefined ? zoneField : field, parsed.reason);
    return null;
  }

  /** The whole line keyed by header as written; the first of two same-named columns wins. */
  raw(): Record<string, string> {
    const entries: [string, string][] = [];
    const seen = new Set<string>();
    this.header.names.forEach((name, position) => {
      if (seen.has(name)) return;
      seen.add(name);
      entries.push([name, this.record.cells[position] ?? ""]);
    });
    return Object.fromEntries(entries);
  }

  private label(field: K): string {
    const position = this.header.index[field];
    const written = position === undefined ? undefined : this.header.names[position];
    return written ?? this.spec[field].names[0] ?? field;
  }

  private report(field: K, reason: string): void {
    this.problems.push({ line: this.line, field: this.label(field), reason });
  }
}
