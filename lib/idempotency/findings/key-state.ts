// What the checker remembers of one Idempotency-Key across the whole analysis (kept in memory while recent,
// spilled to the database when many keys are in play).
export type KeyState = {
  firstAt: number | null;
  firstWhere: string;
  /** Body fingerprint of the first request with a body. */
  fingerprint: number | null;
  regions: string[];
  /** Bits of the per-key findings already reported, so each distinct key counts once. */
  reported: number;
};

export const REPORTED = { differentBody: 1, acrossRegions: 2 } as const;
