"use client";
// The merchant receipt a standalone terminal printed, typed in on a phone: big fields, numeric keyboards where
// they help, the time prefilled with "now" on the store's clock, the terminal picked from the store's terminals.
// After an error every value stays and the field to correct is marked and focused; a saved receipt clears the form.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { SubmitOrConfirm } from "@/components/forms/amount-confirmation";
import { ProblemNotice, useFocusFirstProblem, useFormProblems } from "@/components/forms/form-problems";
import { Notice } from "@/components/ui/card";
import { AmountFields, SelectField, TextField } from "@/components/ui/field";
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
  const values = state?.values;
  const saved = state?.ok && state.data.kind === "saved" ? state.data : null;
  const labels = {
    amount: t("amount"),
    currency: t("currency"),
    time: t("time"),
    terminalId: t("terminal"),
    pspReference: t("pspReference"),
    tenderReference: t("tenderReference"),
    cardBrand: t("cardBrand"),
    cardLast4: t("cardLast4"),
    authCode: t("authCode"),
  };
  const problems = useFormProblems(state, labels);
  useFocusFirstProblem(formRef, state);
  useEffect(() => {
    if (state?.ok && state.data.kind === "saved") formRef.current?.reset();
  }, [state]);
  const text = (name: keyof typeof labels, over: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={labels[name]}
      name={name}
      autoComplete="off"
      defaultValue={values?.[name]}
      error={problems.field(name)}
      {...over}
    />
  );
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-3">
      <input type="hidden" name="storeId" value={props.storeId} />
      <AmountFields
        amountLabel={t("amount")}
        currencyLabel={t("currency")}
        currency={props.currency}
        currencies={props.currencies}
        amount={values?.amount}
        chosenCurrency={values?.currency}
        error={problems.field("amount")}
        currencyError={problems.field("currency")}
        hint={t("amountHint")}
      />
      {text("time", {
        type: "datetime-local",
        defaultValue: values?.time || props.now,
        max: props.now,
        required: true,
        hint: t("timeHint"),
      })}
      <SelectField
        label={t("terminal")}
        name="terminalId"
        defaultValue={values?.terminalId}
        error={problems.field("terminalId")}
        options={[
          { value: "", label: t("terminalUnknown") },
          ...props.terminals.map((x) => ({ value: x.id, label: x.label })),
        ]}
      />
      {text("pspReference", { maxLength: 16, hint: t("referencesHint") })}
      {text("tenderReference", { maxLength: 64 })}
      <div className="grid grid-cols-2 gap-2">
        {text("cardBrand", { maxLength: 40 })}
        {text("cardLast4", { inputMode: "numeric", maxLength: 4 })}
      </div>
      {text("authCode", { maxLength: 10 })}
      <SubmitOrConfirm
        state={state}
        form={formRef}
        pending={pending}
        submitLabel={t("save")}
        pendingLabel={t("saving")}
        yesLabel={(amount) => t("confirmSave", { amount })}
      />
      <div aria-live="polite">
        {saved ? (
          <Notice tone={saved.duplicate ? "warn" : "ok"}>{saved.duplicate ? t("duplicate") : t("saved")}</Notice>
        ) : null}
        <ProblemNotice summary={problems.summary} error={problems.error} />
      </div>
    </form>
  );
}
