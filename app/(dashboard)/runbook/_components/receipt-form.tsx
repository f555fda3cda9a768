"use client";
// The merchant receipt a standalone terminal printed, typed in on a phone: big fields, numeric keyboards where
// they help, the time prefilled with "now" on the store's clock, the terminal picked from the store's terminals.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { AmountFields, problemWith, SelectField, TextField } from "@/components/ui/field";
import { captureReceiptAction } from "../actions";

export function ReceiptForm(props: {
  storeId: string;
  currency: string;
  currencies: readonly string[];
  now: string;
  terminals: { id: string; label: string }[];
}) {
  const t = useTranslations("runbook.receipts.form");
  const [state, action, pending] = useActionState(captureReceiptAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const problem = (f: string) => problemWith(state, f);
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-3">
      <input type="hidden" name="storeId" value={props.storeId} />
      <AmountFields
        amountLabel={t("amount")}
        currencyLabel={t("currency")}
        currency={props.currency}
        currencies={props.currencies}
        error={problem("amount")}
      />
      <TextField
        label={t("time")}
        name="time"
        type="datetime-local"
        defaultValue={props.now}
        max={props.now}
        required
        error={problem("time")}
        hint={t("timeHint")}
      />
      <SelectField
        label={t("terminal")}
        name="terminalId"
        options={[
          { value: "", label: t("terminalUnknown") },
          ...props.terminals.map((x) => ({ value: x.id, label: x.label })),
        ]}
      />
      <TextField
        label={t("pspReference")}
        name="pspReference"
        autoComplete="off"
        hint={t("referencesHint")}
        error={problem("pspReference")}
      />
      <TextField
        label={t("tenderReference")}
        name="tenderReference"
        autoComplete="off"
        error={problem("tenderReference")}
      />
      <div className="grid grid-cols-2 gap-2">
        <TextField label={t("cardBrand")} name="cardBrand" autoComplete="off" error={problem("cardBrand")} />
        <TextField
          label={t("cardLast4")}
          name="cardLast4"
          inputMode="numeric"
          autoComplete="off"
          error={problem("cardLast4")}
        />
      </div>
      <TextField label={t("authCode")} name="authCode" autoComplete="off" error={problem("authCode")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
      <div aria-live="polite">
        {state?.ok ? (
          <Notice tone={state.data.duplicate ? "warn" : "ok"}>
            {state.data.duplicate ? t("duplicate") : t("saved")}
          </Notice>
        ) : null}
        {state && !state.ok ? <Notice tone="error">{state.error}</Notice> : null}
      </div>
    </form>
  );
}
