// Finds report columns by header name, so column order, extra columns and spelling variants do not matter.
import { AppError } from "@/lib/errors";
import { normalizeHeaderName } from "@/lib/validation/csv-header";

/** For each field: accepted header names (first one is shown in messages) and whether the file must have it. */
export type ColumnSpec<K extends string> = Readonly<Record<K, { names: readonly string[]; required: boolean }>>;

/** Shorthand for one ColumnSpec entry. */
export function column(required: boolean, ...names: string[]): { names: readonly string[]; required: boolean } {
  return { names, required };
}

export type ResolvedHeader<K extends string> = {
  /** Position of each known field's column, undefined when the file lacks that (optional) column. */
  index: Readonly<Record<K, number | undefined>>;
  /** The header cells as written (trimmed, BOM removed); keys of each row's `raw`. */
  names: readonly string[];
};

export function resolveColumns<K extends string>(
  headerCells: readonly string[],
  spec: ColumnSpec<K>,
  report: string,
): ResolvedHeader<K> {
  const names = headerCells.map((cell) => cell.replace(/^\uFEFF/, "").trim());
  const positions = new Map<string, number[]>();
  names.forEach((name, position) => {
    const key = normalizeHeaderName(name);
    positions.set(key, [...(positions.get(key) ?? []), position]);
  });

  const index = {} as Record<K, number | undefined>;
  const missing: string[] = [];
  const duplicated: string[] = [];
  for (const field of Object.keys(spec) as K[]) {
    const { names: aliases, required } = spec[field];
    const found = [...new Set(aliases.map(normalizeHeaderName))].flatMap((alias) => positions.get(alias) ?? []);
    // Two columns that both claim to be e.g. "Net Credit (NC)" cannot be told apart; refusing beats guessing.
    if (found.length > 1) duplicated.push(aliases[0] ?? field);
    if (found.length === 0 && required) missing.push(aliases[0] ?? field);
    index[field] = found[0];
  }

  if (missing.length > 0 || duplicated.length > 0) {
    const parts = [
      missing.length > 0 ? `missing required column(s): ${missing.join(", ")}` : "",
      duplicated.length > 0 ? `column(s) present more than once: ${duplicated.join(", ")}` : "",
    ].filter(Boolean);
    throw new AppError("VALIDATION", `This ${report} cannot be imported: ${parts.join("; ")}.`, {
      problems: [
        ...missing.map((column) => ({ path: column, message: "required column is missing" })),
        ...duplicated.map((column) => ({ path: column, message: "column appears more than once" })),
      ],
    });
  }
  return { index, names };
}
