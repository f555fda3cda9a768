"use client";
// Choose one or more HAR / NDJSON files (plain or gzip), watch them upload and get analysed, then see the result.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { FileField, TextField } from "@/components/ui/field";
import { UploadProgress } from "@/components/upload/upload-progress";
import { problemText } from "./problem-text";
import { sendFiles, type SendProgress, type UploadSummary } from "./send-files";

type State =
  { phase: "idle" } | SendProgress | { phase: "done"; summary: UploadSummary } | { phase: "error"; message: string };

export function Uploader({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("idempotency.upload");
  const all = useTranslations("idempotency");
  const format = useFormatter();
  const router = useRouter();
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
      if (!outcome.ok) {
        const reason = outcome.reason && all.has(`outcome.${outcome.reason.code}`) ? outcome.reason : null;
        const why = (outcome.problems ?? []).map((p) => problemText(p, all));
        const message = reason ? [all(`outcome.${reason.code}`, reason.params), ...why].join(" — ") : outcome.message;
        router.refresh();
        return setState({ phase: "error", message: t("failed", { message }) });
      }
      setState({ phase: "done", summary: outcome.summary });
      router.refresh();
    } catch {
      setState({ phase: "error", message: t("networkError") });
    }
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={onSubmit} className="grid gap-3">
        <FileField
          label={t("files")}
          name="files"
          multiple
          accept=".har,.ndjson,.jsonl,.json,.log,.gz,application/json,application/gzip"
          required
          hint={t("filesHint", { mb: Math.round(maxBytes / 1024 / 1024) })}
        />
        <TextField label={t("source")} name="source" maxLength={200} autoComplete="off" hint={t("sourceHint")} />
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
  if (state.phase === "idle" || state.phase === "error") return null;
  // Kept at 100 % once done, so the bar does not vanish under the reader's eyes.
  const percent = state.phase === "uploading" ? Math.round(state.fraction * 100) : 100;
  const text =
    state.phase === "uploading"
      ? t("uploading", { percent })
      : state.phase === "processing"
        ? t("processing")
        : t("uploaded");
  return <UploadProgress label={t("progressLabel")} percent={percent} text={text} />;
}

function Result({ summary, percent }: { summary: UploadSummary; percent: string }) {
  const t = useTranslations("idempotency.upload");
  const all = useTranslations("idempotency");
  const total = Object.values(summary.findings).reduce((a, b) => a + b, 0);
  return (
    <div className="grid gap-2">
      <Notice tone={summary.complete ? "ok" : "warn"}>
        <p>{t("done", { entries: summary.entries, adyen: summary.adyenRequests, findings: total, percent })}</p>
        {summary.problems.map((p) => (
          <p key={p.file}>{t("incomplete", { message: problemText(p, all) })}</p>
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
