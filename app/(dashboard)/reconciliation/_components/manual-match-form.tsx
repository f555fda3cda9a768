"use client";
// Pairs an order with a payment event or receipt by id (e.g. copied from an unexpected item).
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { manualMatchAction } from "../actions";

const control = "min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function ManualMatchForm({ itemId }: { itemId: string }) {
  const t = useTranslations("recon.actions");
  const kind = useTranslations("recon.detail.kind");
  const [state, action, pending] = useActionState(manualMatchAction, null);
  const id = useId();
  return (
    <form action={action} aria-labelledby={`${id}-title`} className="flex flex-col gap-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {t("manualTitle")}
      </h3>
      <p className="text-sm text-slate-600">{t("manualHint")}</p>
      <input type="hidden" name="itemId" value={itemId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor={`${id}-kind`}>{t("evidenceKind")}</label>
          <select id={`${id}-kind`} name="kind" defaultValue="receipt" className={control}>
            <option value="receipt">{kind("receipt")}</option>
            <option value="event">{kind("event")}</option>
          </select>
        </div>
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor={`${id}-evidence`}>{t("evidenceId")}</label>
          <input
            id={`${id}-evidence`}
            name="evidenceId"
            required
            inputMode="numeric"
            pattern="[0-9]+"
            autoComplete="off"
            className={`${control} font-mono`}
          />
        </div>
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("saving") : t("match")}
        </Button>
      </div>
      {state ? <Notice tone={state.ok ? "ok" : "error"}>{state.ok ? t("matched") : state.error}</Notice> : null}
    </form>
  );
}
