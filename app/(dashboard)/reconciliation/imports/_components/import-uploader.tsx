"use client";
// Choose a kind and a file, watch the upload progress, then see the result or the rows that stopped it.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { FileField, SelectField } from "@/components/ui/field";
import { UploadProgress } from "@/components/upload/upload-progress";
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
        <FileField label={t("file")} name="file" accept=".csv,text/csv" required hint={t("fileHint")} />
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
  if (state.phase !== "uploading" && state.phase !== "processing") return null;
  const percent = state.phase === "uploading" ? Math.round(state.fraction * 100) : 100;
  const text = state.phase === "uploading" ? t("uploading", { percent }) : t("processing");
  return <UploadProgress label={t("progressLabel")} percent={percent} text={text} />;
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
