"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { CheckboxGroup, SelectField, TextField, type Option } from "@/components/ui/field";
import { createUserAction } from "../actions";

export function UserForm({ roles, stores }: { roles: Option[]; stores: Option[] }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <TextField label={t("email")} name="email" type="email" required autoComplete="off" />
      <TextField label={t("name")} name="name" />
      <TextField label={t("password")} name="password" type="password" required autoComplete="new-password" />
      <SelectField label={t("role")} name="role" options={roles} />
      <CheckboxGroup label={t("tokenStores")} name="storeIds" options={stores} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t("createUser")}
        </Button>
      </div>
      {state ? (
        <div className="sm:col-span-2">
          {state.ok ? (
            <Notice tone="ok">{t("userCreated", { email: state.data.email })}</Notice>
          ) : (
            <Notice tone="error">{state.error}</Notice>
          )}
        </div>
      ) : null}
    </form>
  );
}
