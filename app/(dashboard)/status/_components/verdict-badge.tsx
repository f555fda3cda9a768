// A verdict as a coloured pill with its word (colour is never the only signal).
import { getTranslations } from "next-intl/server";
import type { VerdictState } from "@/lib/status";

/** watching: a flapping store whose link is back (its verdict stays degraded for alerts until it is steady). */
export type ShownState = VerdictState | "watching";

const TONE: Record<ShownState, string> = {
  operational: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  degraded: "bg-amber-100 text-amber-950 ring-amber-400",
  outage: "bg-red-100 text-red-900 ring-red-400",
  maintenance: "bg-sky-100 text-sky-900 ring-sky-300",
  unknown: "bg-slate-200 text-slate-800 ring-slate-300",
  watching: "bg-sky-100 text-sky-900 ring-sky-300",
};

export async function VerdictBadge({ state }: { state: ShownState }) {
  const t = await getTranslations("status.states");
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${TONE[state]}`}
    >
      {t(state)}
    </span>
  );
}
