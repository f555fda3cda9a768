"use client";
// Confirms the suggested rows ticked in the table in one go; ties are skipped by the server and said so.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { useSelection } from "@/components/data-table/row-selection";
import { bulkConfirmAction } from "../actions";

type Outcome = { ok: true; confirmed: number; skipped: number } | { ok: false; error: string };

export function BulkConfirmBar() {
  const t = useTranslations("recon.bulk");
  const selection = useSelection();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const count = selection.ids.size;
  return (
    <div className="mb-3 flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          disabled={pending || count === 0}
          onClick={() => {
            setOutcome(null);
            start(async () => {
              const res = await bulkConfirmAction([...selection.ids]);
              if (res.ok) {
                selection.clear();
                setOutcome({ ok: true, ...res.data });
              } else setOutcome({ ok: false, error: res.error });
            });
          }}
        >
          {pending ? t("saving") : t("confirmSelected")}
        </Button>
        <span className="text-sm text-slate-600" aria-live="polite">
          {t("selected", { count })}
        </span>
        <span className="text-xs text-slate-500">{t("hint")}</span>
      </div>
      {outcome ? (
        <Notice tone={outcome.ok ? "ok" : "error"}>
          {outcome.ok ? t("result", { confirmed: outcome.confirmed, skipped: outcome.skipped }) : outcome.error}
        </Notice>
      ) : null}
    </div>
  );
}
