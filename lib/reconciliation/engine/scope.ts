// What one matching run looks at. A full run sees everything. A partial run sees the orders and evidence around
// what changed: by exact key (merchant reference, PSP reference) and, for standalone payments, by store, amount and
// time. It is either given explicitly (a decision, `ops reconcile --from --to`) or taken from the queue of changes.
export type ScopeWindow = {
  /** null: every store. */
  storeId: string | null;
  /** null (with amountValue null): every amount. */
  currency: string | null;
  amountValue: bigint | null;
  from: Date;
  to: Date;
};

export type PartialScope = { kind: "partial"; references: string[]; pspReferences: string[]; windows: ScopeWindow[] };
export type MatchScope = { kind: "full" } | PartialScope | { kind: "queue"; limit: number };

/**
 * How far around a change standalone candidates are looked for: a pair is never further apart than the widest
 * window (normal or inside an outage), and one more such hop covers an order that competes for the same payment.
 */
export function scopeMarginMs(settings: { windowMinutes: number; outageWindowMinutes: number }): number {
  return 2 * Math.max(settings.windowMinutes, settings.outageWindowMinutes) * 60_000;
}

/** Every order and payment between two instants, in every store. */
export function timeSpanScope(from: Date, to: Date): PartialScope {
  return {
    kind: "partial",
    references: [],
    pspReferences: [],
    windows: [{ storeId: null, currency: null, amountValue: null, from, to }],
  };
}
