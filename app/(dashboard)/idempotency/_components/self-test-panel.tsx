"use client";
// The self-test: a button, then each step with its outcome and the requests it sent (status, 704, echoed key).
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import type { SelfTestResult, SelfTestStep } from "@/lib/idempotency";
import type { ActionResult } from "@/lib/http/action-result";

const OUTCOME_STYLE = {
  pass: "border-emerald-300 bg-emerald-50 text-emerald-900",
  fail: "border-red-300 bg-red-50 text-red-900",
  inconclusive: "border-amber-300 bg-amber-50 text-amber-900",
  skipped: "border-slate-300 bg-slate-50 text-slate-700",
} as const;

export function SelfTestPanel({
  last,
  canRun,
  run,
}: {
  last: SelfTestResult | null;
  canRun: boolean;
  run: () => Promise<ActionResult<SelfTestResult>>;
}) {
  const t = useTranslations("idempotency.selfTest");
  const format = useFormatter();
  const [result, setResult] = useState(last);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="grid gap-3">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {canRun ? (
        <div>
          <Button
            type="button"
            disabled={pending}
            onClick={() => {
              setError(null);
              start(async () => {
                const res = await run();
                if (res.ok) setResult(res.data);
                else setError(res.error);
              });
            }}
          >
            {pending ? t("running") : t("run")}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("notAllowed")}</p>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {result ? (
        <section aria-label={t("resultLabel")} className="grid gap-2">
          <p role="status" className="text-sm">
            {t("summary", {
              outcome: t(`outcome.${result.outcome}`),
              target: result.target,
              when: format.dateTime(new Date(result.ranAt), { dateStyle: "short", timeStyle: "medium" }),
            })}
          </p>
          <ol aria-label={t("stepsLabel")} className="grid gap-2">
            {result.steps.map((s, i) => (
              <Step key={s.id} step={s} n={i + 1} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

function Step({ step, n }: { step: SelfTestStep; n: number }) {
  const t = useTranslations("idempotency.selfTest");
  return (
    <li className="rounded border border-slate-200 p-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">
          {n}. {t(`steps.${step.id}`)}
        </span>
        <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${OUTCOME_STYLE[step.outcome]}`}>
          {t(`outcome.${step.outcome}`)}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700">{t(`notes.${step.note}`)}</p>
      {step.requests.length > 0 ? (
        <ul className="mt-1 grid gap-0.5 font-mono text-xs text-slate-700">
          {step.requests.map((r, i) => (
            <li key={i} className="break-all">
              {t("request", {
                key: r.key.slice(0, 8),
                answer:
                  r.status === null
                    ? t("noAnswer")
                    : `HTTP ${r.status}${r.errorCode ? ` · errorCode ${r.errorCode}` : ""}`,
              })}
              {r.transient ? " · transient-error: true" : ""}
              {r.echoedKey ? ` · ${t("echoed")}` : ""}
              {r.resourceId ? ` · ${r.resourceId}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
