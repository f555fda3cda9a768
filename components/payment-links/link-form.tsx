"use client";
// The Pay by Link form, built for a phone at the till: the amount first (in the currency's major units), the POS
// order number, and the rest folded away with sensible defaults. Each form carries its own Idempotency-Key, so a
// double tap or a resend after a timeout answers with the same link instead of making a second one.
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/http/action-result";
import type { MinorAmount } from "@/lib/money";
import { MAX_DESCRIPTION_LENGTH, MAX_REFERENCE_LENGTH } from "@/lib/runbook/payment-links/limits";
import type { PaymentLinkView } from "@/lib/runbook/payment-links/view";
import { SubmitOrConfirm } from "@/components/forms/amount-confirmation";
import { ProblemNotice, useFocusFirstProblem, useFormProblems } from "@/components/forms/form-problems";
import { Notice } from "@/components/ui/card";
import { AmountFields, SelectField, TextField } from "@/components/ui/field";
import { LinkResult } from "./link-result";

/** What the create action answers: a link, or the amount to confirm first; after anything but a link, what was sent. */
export type LinkFormState = ActionResult<
  { kind: "created"; link: PaymentLinkView; pending: boolean } | { kind: "confirm"; amount: MinorAmount; token: string }
> | null;
export type LinkFormAction = (prev: LinkFormState, form: FormData) => Promise<LinkFormState>;
type StoreOption = { id: string; name: string; defaultCurrency: string };

export const EXPIRY_CHOICES = ["1h", "24h", "7d", "30d", "70d"] as const;
const LOCALES = ["de-DE", "en-GB", "nl-NL", "fr-FR", "it-IT", "es-ES", "pl-PL"];

/** A UUID v4 also where crypto.randomUUID is missing (plain http on a store's LAN address). */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function LinkForm(props: {
  action: LinkFormAction;
  stores: StoreOption[];
  storeId?: string;
  currencies: readonly string[];
  defaultLocale?: string;
}) {
  const t = useTranslations("links.form");
  const [state, action, pending] = useActionState(props.action, null);
  // The key of the link this form is about to create: made on the first submit, kept for resubmits until a link
  // came back (a ref, not state: it never changes what is shown).
  const requestKey = useRef<string | null>(null);
  const values = state?.values;
  const [storeId, setStoreId] = useState(props.storeId ?? props.stores[0]?.id ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  const store = props.stores.find((s) => s.id === storeId);
  const created = state?.ok && state.data.kind === "created" ? state.data : null;
  const labels = {
    storeId: t("store"),
    amount: t("amount"),
    currency: t("currency"),
    reference: t("reference"),
    description: t("description"),
    expiresAt: t("expiry"),
    shopperLocale: t("locale"),
  };
  const problems = useFormProblems(state, labels);
  useFocusFirstProblem(formRef, state);

  useEffect(() => {
    // A link was made: the next submit is a new link (new key); a failed submit keeps its key for the resend.
    if (state?.ok && state.data.kind === "created") {
      requestKey.current = null;
      formRef.current?.reset();
    }
  }, [state]);
  const submit = (form: FormData) => {
    requestKey.current ??= newKey();
    form.set("requestKey", requestKey.current);
    action(form);
  };
  const moreOpen = Boolean(problems.field("description") || values?.description || (values?.expiry ?? "24h") !== "24h");
  return (
    <div className="flex flex-col gap-4">
      <form ref={formRef} action={submit} className="flex flex-col gap-3">
        {props.storeId ? (
          <input type="hidden" name="storeId" value={props.storeId} />
        ) : (
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("store")}
            <select
              name="storeId"
              value={storeId}
              onChange={(e) => setStoreId(e.target.value)}
              className="min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
            >
              {props.stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <AmountFields
          amountLabel={t("amount")}
          currencyLabel={t("currency")}
          currency={store?.defaultCurrency ?? "EUR"}
          currencies={props.currencies}
          amount={values?.amount}
          chosenCurrency={values?.currency}
          error={problems.field("amount")}
          currencyError={problems.field("currency")}
          hint={t("amountHint")}
        />
        <TextField
          label={t("reference")}
          name="reference"
          autoComplete="off"
          defaultValue={values?.reference}
          maxLength={MAX_REFERENCE_LENGTH}
          hint={t("referenceHint")}
          error={problems.field("reference")}
        />
        <details open={moreOpen || undefined} className="rounded-md border border-slate-200 bg-white p-3">
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{t("more")}</summary>
          <div className="mt-2 flex flex-col gap-3">
            <TextField
              label={t("description")}
              name="description"
              defaultValue={values?.description}
              maxLength={MAX_DESCRIPTION_LENGTH}
              hint={t("descriptionHint")}
              error={problems.field("description")}
            />
            <SelectField
              label={t("expiry")}
              name="expiry"
              defaultValue={values?.expiry || "24h"}
              error={problems.field("expiresAt")}
              options={EXPIRY_CHOICES.map((e) => ({ value: e, label: t(`expiryChoice.${e}`) }))}
            />
            <SelectField
              label={t("locale")}
              name="shopperLocale"
              defaultValue={values ? values.shopperLocale : (props.defaultLocale ?? "")}
              error={problems.field("shopperLocale")}
              options={[{ value: "", label: t("localeAuto") }, ...LOCALES.map((l) => ({ value: l, label: l }))]}
            />
          </div>
        </details>
        <SubmitOrConfirm
          state={state}
          form={formRef}
          pending={pending}
          submitLabel={t("create")}
          pendingLabel={t("creating")}
          yesLabel={(amount) => t("confirmCreate", { amount })}
        />
        <ProblemNotice summary={problems.summary} error={problems.error} />
      </form>
      {created ? (
        <>
          {created.pending ? <Notice tone="warn">{t("pending")}</Notice> : null}
          <LinkResult key={created.link.id} initial={created.link} />
        </>
      ) : null}
    </div>
  );
}
