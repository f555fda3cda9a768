"use client";
// Admins record whether the store has Tap to Pay, on how many phones, and its procedure (a link or the text).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { TapToPay } from "@/lib/runbook";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { recordTapToPayAction } from "../actions";

export function TapToPayForm({ current }: { current: TapToPay }) {
  const t = useTranslations("runbook.tapToPay");
  const [state, action, pending] = useActionState(recordTapToPayAction, null);
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{t("edit")}</summary>
      <form action={action} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="storeId" value={current.storeId} />
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-medium">{t("available")}</legend>
          {(["yes", "no"] as const).map((v) => (
            <label key={v} className="inline-flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="available"
                value={v}
                defaultChecked={current.available === (v === "yes")}
                className="h-5 w-5"
              />
              {t(v)}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t("devices")}
          name="devices"
          type="number"
          defaultValue={current.devices ? String(current.devices) : ""}
        />
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("procedure")}
          <textarea
            name="procedure"
            rows={4}
            defaultValue={current.procedure ?? ""}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
          />
          <span className="text-xs font-normal text-slate-600">{t("procedureHint")}</span>
        </label>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        {state ? <Notice tone={state.ok ? "ok" : "error"}>{state.ok ? t("saved") : state.error}</Notice> : null}
      </form>
    </details>
  );
}
