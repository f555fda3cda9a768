// The status panel's verdict for the store, in one line: state, since when, why; or that there is none.
import type { StoreVerdict } from "@/lib/runbook";
import { Badge, type BadgeTone } from "@/components/ui/badge";

type Translate = (key: string, values?: Record<string, string | number>) => string;

const LOOK: Record<string, { tone: BadgeTone; symbol: string }> = {
  operational: { tone: "ok", symbol: "✓" },
  degraded: { tone: "warn", symbol: "◐" },
  outage: { tone: "bad", symbol: "✕" },
  maintenance: { tone: "info", symbol: "⚙" },
  unknown: { tone: "neutral", symbol: "?" },
};

export function VerdictLine({
  verdict,
  t,
  when,
}: {
  verdict: StoreVerdict | null;
  t: Translate;
  when: (iso: string) => string;
}) {
  if (!verdict) return <p className="text-sm text-slate-700">{t("verdict.none")}</p>;
  const look = LOOK[verdict.state] ?? LOOK.unknown ?? { tone: "neutral" as const, symbol: "?" };
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <Badge tone={look.tone} symbol={look.symbol}>
        {t(`verdict.state.${verdict.state}`)}
      </Badge>
      {verdict.since ? <span>{t("verdict.since", { at: when(verdict.since) })}</span> : null}
      {verdict.reason ? <span className="text-slate-700">— {verdict.reason}</span> : null}
      {verdict.disagreement ? <span className="text-amber-900">({verdict.disagreement})</span> : null}
    </p>
  );
}
