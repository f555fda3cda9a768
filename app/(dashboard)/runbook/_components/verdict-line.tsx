// The status panel's verdict for the store, in one line: state, since when, why (in the reader's language, its
// durations counting up); or that there is none.
import type { StoreVerdict } from "@/lib/runbook";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ReasonText } from "@/components/status/reason-text";

type Translate = (key: string, values?: Record<string, string | number>) => string;

const LOOK: Record<string, { tone: BadgeTone; symbol: string }> = {
  operational: { tone: "ok", symbol: "✓" },
  watching: { tone: "info", symbol: "↺" },
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
  // A flapping store whose link is back: its verdict waits out the quiet period, but payments work.
  const state = verdict.watchedUntil ? "watching" : verdict.state;
  const look = LOOK[state] ?? LOOK.unknown ?? { tone: "neutral" as const, symbol: "?" };
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <Badge tone={look.tone} symbol={look.symbol}>
        {t(`verdict.state.${state}`)}
      </Badge>
      {verdict.since && !verdict.watchedUntil ? <span>{t("verdict.since", { at: when(verdict.since) })}</span> : null}
      <span className="text-slate-700">
        — <ReasonText reason={verdict.why} renderedAt={verdict.generatedAt} />
      </span>
      {verdict.disagreementWhy ? (
        <span className="text-amber-900">
          (<ReasonText reason={verdict.disagreementWhy} renderedAt={verdict.generatedAt} />)
        </span>
      ) : null}
    </p>
  );
}
