// One retry chain: its facts, its attempts on a timeline (position = time since the first attempt), each
// attempt's answer and headers, and the findings it caused. The list carries the content; the drawn timeline
// repeats it for the eye.
import Link from "next/link";
import type { getFormatter } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { ChainDetail as Chain, Evidence } from "@/lib/idempotency";
import { describeDetail } from "./findings-table";
import { CodeBadge, linkClass, type Translate } from "./labels";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

function tone(a: Evidence): string {
  if (a.status === null) return "bg-slate-400";
  if (a.errorCode === "704") return "bg-amber-500";
  if (a.status >= 400) return "bg-red-600";
  return "bg-emerald-600";
}

function offsets(attempts: Evidence[]): (number | null)[] {
  const times = attempts.map((a) => (a.at ? Date.parse(a.at) : null));
  const first = times.find((x) => x !== null) ?? null;
  return times.map((x) => (x === null || first === null ? null : x - first));
}

export function ChainDetail({
  chain,
  closeHref,
  t,
  format,
}: {
  chain: Chain;
  closeHref: string;
  t: Translate;
  format: Formatter;
}) {
  const offs = offsets(chain.attempts);
  const span = Math.max(1, ...offs.map((o) => o ?? 0));
  const seconds = (ms: number) => format.number(ms / 1000, { maximumFractionDigits: ms < 10_000 ? 2 : 0 });
  const facts: [string, string][] = [
    [t("dimension.endpoint"), chain.endpoint],
    [t("dimension.merchantAccount"), chain.merchantAccount ?? "—"],
    [t("chain.reference"), chain.reference ?? "—"],
    [t("dimension.region"), chain.region],
    [t("dimension.client"), chain.client ?? "—"],
    [t("chain.attempts"), format.number(chain.attemptCount)],
    [t("chain.keys"), format.number(chain.keyCount)],
  ];
  return (
    <div id="chain" className="scroll-mt-4">
      <Card title={t("chain.title", { n: chain.chainNo })} className="min-w-0 border-brand-200">
        <div className="grid gap-4">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
            {facts.map(([k, v]) => (
              <div key={k} className="min-w-0">
                <dt className="text-xs text-slate-600">{k}</dt>
                <dd className="break-words">{v}</dd>
              </div>
            ))}
          </dl>
          <div aria-hidden="true" className="relative mx-3 mb-6 mt-4 h-8">
            <div className="absolute left-0 right-0 top-1/2 h-0.5 bg-slate-300" />
            {chain.attempts.map((a, i) => {
              const o = offs[i] ?? null;
              const left =
                o === null
                  ? chain.attempts.length === 1
                    ? 0
                    : (i / (chain.attempts.length - 1)) * 100
                  : (o / span) * 100;
              return (
                <div key={i} className="absolute top-0 -translate-x-1/2 text-center" style={{ left: `${left}%` }}>
                  <span className={`mx-auto block h-4 w-4 rounded-full ring-2 ring-white ${tone(a)}`} />
                  <span className="text-xs text-slate-700">{i + 1}</span>
                </div>
              );
            })}
          </div>
          <ol aria-label={t("chain.timeline")} className="grid gap-2">
            {chain.attempts.map((a, i) => (
              <li key={i} className="rounded border border-slate-200 p-2 text-sm">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className={`inline-block h-3 w-3 rounded-full ${tone(a)}`} aria-hidden="true" />
                  <span className="font-medium">{t("chain.attempt", { n: i + 1 })}</span>
                  <span className="tabular-nums text-slate-700">
                    {offs[i] === null ? "" : `+${seconds(offs[i] as number)} s`}
                  </span>
                  {a.at ? (
                    <time dateTime={a.at} className="text-slate-600">
                      {format.dateTime(new Date(a.at), { dateStyle: "short", timeStyle: "medium" })}
                    </time>
                  ) : null}
                  <span>
                    {a.status === null
                      ? t("chain.noAnswer")
                      : `HTTP ${a.status}${a.errorCode ? ` · errorCode ${a.errorCode}` : ""}`}
                  </span>
                  {a.durationMs !== null ? (
                    <span className="text-slate-600">{t("chain.took", { ms: a.durationMs })}</span>
                  ) : null}
                </div>
                <p className="mt-1 break-all font-mono text-xs text-slate-700">
                  {a.method} {a.url}
                </p>
                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 font-mono text-xs">
                  {Object.entries(a.headers).map(([k, v]) => (
                    <li key={`q-${k}`} className="break-all">
                      {k}: {v}
                    </li>
                  ))}
                  {Object.entries(a.responseHeaders).map(([k, v]) => (
                    <li key={`r-${k}`} className="break-all text-slate-600">
                      ← {k}: {v}
                    </li>
                  ))}
                </ul>
                <p className="mt-1 text-xs text-slate-500">{a.where}</p>
              </li>
            ))}
          </ol>
          {chain.attemptCount > chain.attempts.length ? (
            <p className="text-sm text-slate-600">
              {t("chain.moreAttempts", { shown: chain.attempts.length, total: chain.attemptCount })}
            </p>
          ) : null}
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t("chain.findings")}</h3>
            {chain.findings.length === 0 ? (
              <p className="text-sm text-slate-600">{t("chain.noFindings")}</p>
            ) : (
              <ul className="grid gap-1 text-sm">
                {chain.findings.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center gap-2">
                    <CodeBadge code={f.code} t={t} />
                    <span className="text-slate-700">{describeDetail(f, t)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <p>
            <Link href={closeHref} className={linkClass} scroll={false} prefetch={false}>
              {t("chain.close")}
            </Link>
          </p>
        </div>
      </Card>
    </div>
  );
}
