// What every benchmark's command line and printout share: numeric options and plain-text tables.

/** `--name N`, or the fallback. Positive unless `allowZero` (a rate of faults or a rate limit of 0 means "none"). */
export function option(args: string[], name: string, fallback: number, allowZero = false): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0);
  if (!ok) throw new Error(`--${name} must be ${allowZero ? "a number ≥ 0" : "a positive number"}`);
  return value;
}

/** Rows (the first one the header) in columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ")).join("\n");
}
