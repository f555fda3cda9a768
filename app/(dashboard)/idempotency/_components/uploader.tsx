"use client";
// Choose one or more HAR / NDJSON files (plain or gzip), watch them upload and get analysed, then see the result.
import { useId, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { sendFiles, type SendProgress, type UploadSummary } from "./send-files";

type State =
  { phase: "idle" } | SendProgress | { phase: "done"; summary: UploadSummary } | { phase: "error"; message: string };

export function Uploader({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("idempotency.upload");
  const format = useFormatter();
  const router = useRouter();
  const fileId = useId();
  const sourceId = useId();
  const [state, setState] = useState<State>({ phase: "idle" });
  const busy = state.phase === "uploading" || state.phase === "processing";

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0) return setState({ phase: "error", message: t("chooseFile") });
    const total = files.reduce((a, f) => a + f.size, 0);
    if (total > maxBytes)
      return setState({ phase: "error", message: t("tooLarge", { mb: Math.round(maxBytes / 1024 / 1024) }) });
    setState({ phase: "uploading", fraction: 0 });
    try {
      const outcome = await sendFiles(files, String(form.get("source") ?? "").trim(), setState);
      if (!outcome.ok) return setState({ phase: "error", message: t("failed", { message: outcome.message }) });
      setState({ phase: "done", summary: outcome.summary });
      router.refresh();
    } catch {
      setState({ phase: "error", message: t("networkError") });
    }
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={onSubmit} className="grid gap-3">
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor={fileId}>{t("files")}</label>
          <input
            id={fileId}
            name="files"
            type="file"
            multiple
            accept=".har,.ndjson,.jsonl,.json,.log,.gz,application/json,application/gzip"
            required
            aria-describedby={`${fileId}-hint`}
            className="min-h-11 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-base file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1"
          />
          <p id={`${fileId}-hint`} className="text-xs font-normal text-slate-600">
            {t("filesHint", { mb: Math.round(maxBytes / 1024 / 1024) })}
          </p>
        </div>
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor={sourceId}>{t("source")}</label>
          <input
            id={sourceId}
            name="source"
            type="text"
            maxLength={200}
            autoComplete="off"
            aria-describedby={`${sourceId}-hint`}
            className="min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
          />
          <p id={`${sourceId}-hint`} className="text-xs font-normal text-slate-600">
            {t("sourceHint")}
          </p>
        </div>
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? t("analysing") : t("submit")}
          </Button>
        </div>
      </form>
      <Progress state={state} />
      {state.phase === "error" ? <Notice tone="error">{state.message}</Notice> : null}
      {state.phase === "done" ? (
        <Result
          summary={state.summary}
          percent={format.number(state.summary.readiness.overall, { style: "percent", maximumFractionDigits: 1 })}
        />
      ) : null}
    </div>
  );
}

function Progress({ state }: { state: State }) {
  const t = useTranslations("idempotency.upload");
  const id = useId();
  if (state.phase === "idle" || state.phase === "error") return null;
  // Kept at 100 % once done, so the bar does not vanish under the reader's eyes.
  const percent = state.phase === "uploading" ? Math.round(state.fraction * 100) : 100;
  const text =
    state.phase === "uploading"
      ? t("uploading", { percent })
      : state.phase === "processing"
        ? t("processing")
        : t("uploaded");
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {t("progressLabel")}
      </label>
      <progress id={id} max={100} value={percent} className="h-3 w-full accent-brand-600" />
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {text}
      </p>
    </div>
  );
}

function Result({ summary, percent }: { summary: UploadSummary; percent: string }) {
  const t = useTranslations("idempotency.upload");
  const total = Object.values(summary.findings).reduce((a, b) => a + b, 0);
  return (
    <div className="grid gap-2">
      <Notice tone={summary.complete ? "ok" : "warn"}>
        <p>{t("done", { entries: summary.entries, adyen: summary.adyenRequests, findings: total, percent })}</p>
        {summary.problems.map((p) => (
          <p key={p.file}>{t("incomplete", { message: p.message })}</p>
        ))}
      </Notice>
      <p>
        <Link
          href={`/idempotency?analysis=${summary.id}#analysis`}
          className="font-medium text-brand-700 underline underline-offset-2"
        >
          {t("open")}
        </Link>
      </p>
    </div>
  );
}
