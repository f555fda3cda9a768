// Findings stored with their evidence per analysis are bounded (IDEMPOTENCY_MAX_EVIDENCE); counts per code stay
// exact beyond it. Half the budget goes to the first findings whatever their code, the other half is kept in equal
// shares per code, so a rare code late in a log (a changed key after half a million missing ones) is still shown.
import { FINDING_CODES, type FindingCode } from "@/lib/idempotency/codes";

export class EvidenceBudget {
  private readonly shared: number;
  private readonly perCode: number;
  private sharedUsed = 0;
  private readonly codeUsed = new Map<FindingCode, number>();
  /** Findings stored with evidence, and those counted only. */
  stored = 0;
  dropped = 0;

  constructor(max: number) {
    this.shared = Math.floor(max / 2);
    this.perCode = Math.floor((max - this.shared) / FINDING_CODES.length);
  }

  /** Whether this finding is stored; counts either way. */
  take(code: FindingCode): boolean {
    if (this.sharedUsed < this.shared) {
      this.sharedUsed++;
    } else {
      const used = this.codeUsed.get(code) ?? 0;
      if (used >= this.perCode) {
        this.dropped++;
        return false;
      }
      this.codeUsed.set(code, used + 1);
    }
    this.stored++;
    return true;
  }

  get sampled(): boolean {
    return this.dropped > 0;
  }
}
