"use client";
// Choose a kind and a file, watch the upload progress, then see the result or the rows that stopped it.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { IMPORT_KINDS, isImportKind, type ImportKind } from "@/lib/reconciliation/imports/types";
import { sendImportFile, type SendProgress } from "./send-file";
import type { UploadOutcome } from "./upload-response";
import { ImportResult } from "./import-result";
import { ProblemsTable } from "./problems-table";

type State =
  | { phase: "idle" }
  | SendProgress
  | { phase: "done"; outcome: UploadOutcome; file: File; kind: ImportKind }
  | { phase: "error"; message: string };

export function ImportUploader() {
  const t = useTranslations("imports");
  const router = useRouter();
  const fileId = useId();
  const [state, setState] = useState<State>({ phase: "idle" });
  const busy = state.phase === "uploading" || state.phase === "processing";

  async function send(file: File, kind: ImportKind, skipInvalid: boolean) {
    setState({ phase: "uploading", fraction: 0 });
    try {
      const outcome = await sendImportFile(file, kind, skipInvalid, setState);
      setState({ phase: "done", outcome, file, kind });
      if (outcome.kind === "imported") router.refresh();
    } catch {
      setState({ phase: "error", message: t("networkError") });
    }
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    const kind = form.get("kind");
    if (!(file instanceof File) || file.size === 0) return setState({ phase: "error", message: t("chooseFile") });
    if (isImportKind(kind)) void send(file, kind, false);
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("kind")}
          name="kind"
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor={fileId}>{t("file")}</label>
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={`${fileId}-hint`}
            className="min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1"
          />
          <p id={`${fileId}-hint`} className="text-xs font-normal text-slate-600">
            {t("fileHint")}
          </p>
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={busy}>
            {busy ? t("importing") : t("submit")}
          </Button>
        </div>
      </form>
      <Progress state={state} />
      {state.phase === "error" ? <Notice tone="error">{state.message}</Notice> : null}
      {state.phase === "done" ? (
        <Outcome state={state} onImportValid={() => void send(state.file, state.kind, true)} />
      ) : null}
    </div>
  );
}

function Progress({ state }: { state: State }) {
  const t = useTranslations("imports");
  const id = useId();
  if (state.phase !== "uploading" && state.phase !== "processing") return null;
  const percent = state.phase === "uploading" ? Math.round(state.fraction * 100) : 100;
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {t("progressLabel")}
      </label>
      <progress id={id} max={100} value={percent} className="h-3 w-full accent-brand-600" />
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {state.phase === "uploading" ? t("uploading", { percent }) : t("processing")}
      </p>
    </div>
  );
}

function Outcome({ state, onImportValid }: { state: Extract<State, { phase: "done" }>; onImportValid: () => void }) {
  const t = useTranslations("imports");
  const { outcome } = state;
  if (outcome.kind === "imported") return <ImportResult result={outcome.result} />;
  if (outcome.kind === "failed") {
    return (
      <Notice tone="error">
        <p>{t("serverError", { message: outcome.message })}</p>
        {outcome.details.length > 0 ? (
          <ul className="mt-1 list-disc pl-5">
            {outcome.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </Notice>
    );
  }
  return (
    <div className="grid gap-3">
      <Notice tone="error">
        <p className="font-medium">
          {t("rejectedTitle", { count: outcome.result.rejected, rows: outcome.result.rows })}
        </p>
        <p>{t("rejectedHint")}</p>
      </Notice>
      <ProblemsTable problems={outcome.result.problems} total={outcome.result.problemCount} />
      <div>
        <Button type="button" variant="secondary" onClick={onImportValid}>
          {t("importValidOnly")}
        </Button>
      </div>
    </div>
  );
}
