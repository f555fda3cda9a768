// A status as text plus a symbol, so it reads without colour (colour-blind users, grey-scale print).
export type BadgeTone = "ok" | "warn" | "caution" | "bad" | "info" | "notable" | "neutral";

const TONES: Record<BadgeTone, string> = {
  ok: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  warn: "bg-amber-100 text-amber-950 ring-amber-400",
  caution: "bg-orange-100 text-orange-950 ring-orange-300",
  bad: "bg-red-100 text-red-900 ring-red-300",
  info: "bg-sky-100 text-sky-900 ring-sky-300",
  notable: "bg-violet-100 text-violet-900 ring-violet-300",
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
};

export function Badge({ tone, symbol, children }: { tone: BadgeTone; symbol: string; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[tone]}`}
    >
      <span aria-hidden="true" className="font-mono">
        {symbol}
      </span>
      {children}
    </span>
  );
}
