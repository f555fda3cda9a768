"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { CheckboxGroup, SelectField, TextField, type Option } from "@/components/ui/field";
import { TOKEN_EXPIRY_CHOICES_DAYS } from "@/lib/auth/token-expiry";
import { createTokenAction } from "../actions";

export function TokenForm({ roles, stores }: { roles: Option[]; stores: Option[] }) {
  const t = useTranslations("admin");
  const expiries: Option[] = [
    { value: "", label: t("expiryNever") },
    ...TOKEN_EXPIRY_CHOICES_DAYS.map((days) => ({ value: `${days}d`, label: t("expiryDays", { days }) })),
  ];
  const [state, action, pending] = useActionState(createTokenAction, null);
  const [copied, setCopied] = useState(false);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <TextField label={t("tokenName")} name="name" required />
      <SelectField label={t("tokenRole")} name="role" options={roles} />
      <CheckboxGroup label={t("tokenStores")} name="storeIds" options={stores} />
      <SelectField label={t("tokenExpiry")} name="expiresIn" options={expiries} />
      <div className="sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </div>
      {state && !state.ok ? (
        <div className="sm:col-span-2 lg:col-span-4">
          <Notice tone="error">{state.error}</Notice>
        </div>
      ) : null}
      {state?.ok ? (
        <div className="flex flex-col gap-2 sm:col-span-2 lg:col-span-4">
          <Notice tone="ok">{t("tokenCreated")}</Notice>
          <div className="flex items-center gap-2">
            <code data-testid="new-token" className="break-all rounded bg-slate-100 px-2 py-1 text-sm">
              {state.data.token}
            </code>
            <Button
              type="button"
              variant="secondary"
              onClick={() => void navigator.clipboard.writeText(state.data.token).then(() => setCopied(true))}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
