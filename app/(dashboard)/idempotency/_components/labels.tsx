// Small shared pieces: the translator type the server components receive, verdict and severity badges.
import { SEVERITY, type FindingCode, type Verdict } from "@/lib/idempotency";

export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

const VERDICT_KEY: Record<Verdict, string> = { ready: "ready", "not ready": "notReady", "no traffic": "noTraffic" };
const VERDICT_STYLE: Record<Verdict, string> = {
  ready: "border-emerald-300 bg-emerald-50 text-emerald-900",
  "not ready": "border-red-300 bg-red-50 text-red-900",
  "no traffic": "border-slate-300 bg-slate-50 text-slate-700",
};

export function VerdictBadge({ verdict, t }: { verdict: Verdict; t: Translate }) {
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${VERDICT_STYLE[verdict]}`}
    >
      {t(`verdict.${VERDICT_KEY[verdict]}`)}
    </span>
  );
}

const SEVERITY_STYLE = {
  blocking: "bg-red-100 text-red-900",
  advice: "bg-amber-100 text-amber-900",
  info: "bg-sky-100 text-sky-900",
} as const;

/** `muted`: a code with no findings, in grey that still reads (faded colours fell below 4.5:1 contrast). */
export function CodeBadge({ code, t, muted }: { code: FindingCode; t: Translate; muted?: boolean }) {
  return (
    <span
      className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ${muted ? "bg-slate-100 text-slate-700" : SEVERITY_STYLE[SEVERITY[code]]}`}
      title={t(`codes.${code}.help`)}
    >
      {t(`codes.${code}.label`)}
    </span>
  );
}

export { buttonLinkClass, linkClass, percent } from "./styles";
