// A reconciliation status as text plus a distinct symbol, so it reads without colour.
import { Badge, type BadgeTone } from "@/components/ui/badge";

const LOOK: Record<string, { tone: BadgeTone; symbol: string }> = {
  matched: { tone: "ok", symbol: "✓" },
  suggested: { tone: "info", symbol: "?" },
  mismatched: { tone: "warn", symbol: "≠" },
  expected: { tone: "neutral", symbol: "…" },
  missing: { tone: "bad", symbol: "!" },
  unexpected: { tone: "notable", symbol: "+" },
  duplicate: { tone: "caution", symbol: "×2" },
};
const FALLBACK = { tone: "neutral" as const, symbol: "•" };

export function StatusBadge({ status, label }: { status: string; label: string }) {
  const look = LOOK[status] ?? FALLBACK;
  return (
    <Badge tone={look.tone} symbol={look.symbol}>
      {label}
    </Badge>
  );
}
