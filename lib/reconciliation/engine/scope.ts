// What one matching run looks at. A full run sees everything; an incremental run sees the orders and evidence
// around what changed: by merchant reference (exact keys), and by time (standalone payments near an order).
export type MatchScope = { kind: "full" } | { kind: "partial"; from: Date; to: Date; references: string[] };

/** Standalone candidates live within a window of their order; a day either side keeps every pair inside scope. */
export const SCOPE_MARGIN_MS = 24 * 60 * 60 * 1000;
