"use client";
// Choose a kind and a file, watch the upload progress, then see the result or the rows that stopped it.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { FileField, SelectField } from "@/components/ui/field";
import { UploadProgress } from "@/components/upload/upload-progress";
import type { ImportColumns } from "@/lib/reconciliation/imports/samples";
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

export function ImportUploader({ columns }: { columns: Readonly<Record<ImportKind, ImportColumns>> }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [state, setState] = useState<State>({ phase: "idle" });
  const [kind, setKind] = useState<ImportKind>("orders");
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
          defaultValue={kind}
          onChange={(value) => isImportKind(value) && setKind(value)}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <FileField label={t("file")} name="file" accept=".csv,text/csv" required hint={t("fileHint")} />
        <ColumnsOf kind={kind} columns={columns[kind]} />
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

/** What a file of the chosen kind must contain, and a sample of it to start from. */
function ColumnsOf({ kind, columns }: { kind: ImportKind; columns: ImportColumns }) {
  const t = useTranslations("imports");
  return (
    <section aria-labelledby="import-columns" className="grid gap-1 text-sm sm:col-span-2">
      <h3 id="import-columns" className="font-semibold">
        {t("columnsTitle")}
      </h3>
      <p className="break-words">{t("columnsRequired", { columns: columns.required.join(", ") })}</p>
      {columns.optional.length > 0 ? (
        <p className="break-words text-slate-700">{t("columnsOptional", { columns: columns.optional.join(", ") })}</p>
      ) : null}
      {kind === "orders" || kind === "receipts" ? <p className="text-slate-700">{t("storeColumn")}</p> : null}
      <p>
        {/* A plain anchor: the route answers a file download. */}
        <a
          href={`/api/reconciliation/import-sample?kind=${kind}`}
          download
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          {t("sample")} ({t(`kindNames.${kind}`)})
        </a>
      </p>
    </section>
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
    const found = outcome.wrongFile && t.has(`found.${outcome.wrongFile}`) ? t(`found.${outcome.wrongFile}`) : null;
    return (
      <Notice tone="error">
        <p>
          {found
            ? t("wrongFile", { found, kind: t(`kindNames.${state.kind}`) })
            : t("serverError", { message: outcome.message })}
        </p>
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
  // Importing "the valid rows only" of a file without one would import nothing: not offered then.
  const someValid = outcome.result.rejected < outcome.result.rows;
  return (
    <div className="grid gap-3">
      <Notice tone="error">
        <p className="font-medium">
          {t("rejectedTitle", { count: outcome.result.rejected, rows: outcome.result.rows })}
        </p>
        <p>{someValid ? t("rejectedHint") : t("noneValid")}</p>
      </Notice>
      <ProblemsTable problems={outcome.result.problems} total={outcome.result.problemCount} />
      {someValid ? (
        <div>
          <Button type="button" variant="secondary" onClick={onImportValid}>
            {t("importValidOnly")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
