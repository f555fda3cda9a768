// A status as text plus a distinct symbol, so it reads without colour (colour-blind users, grey-scale print).
const STYLES: Record<string, { symbol: string; className: string }> = {
  matched: { symbol: "✓", className: "bg-emerald-100 text-emerald-900 ring-emerald-300" },
  suggested: { symbol: "?", className: "bg-sky-100 text-sky-900 ring-sky-300" },
  mismatched: { symbol: "≠", className: "bg-amber-100 text-amber-950 ring-amber-400" },
  expected: { symbol: "…", className: "bg-slate-100 text-slate-800 ring-slate-300" },
  missing: { symbol: "!", className: "bg-red-100 text-red-900 ring-red-300" },
  unexpected: { symbol: "+", className: "bg-violet-100 text-violet-900 ring-violet-300" },
  duplicate: { symbol: "×2", className: "bg-orange-100 text-orange-950 ring-orange-300" },
};
const FALLBACK = { symbol: "•", className: "bg-slate-100 text-slate-800 ring-slate-300" };

export function StatusBadge({ status, label }: { status: string; label: string }) {
  const s = STYLES[status] ?? FALLBACK;
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${s.className}`}
    >
      <span aria-hidden="true" className="font-mono">
        {s.symbol}
      </span>
      {label}
    </span>
  );
}
