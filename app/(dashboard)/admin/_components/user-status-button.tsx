"use client";
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { setUserDisabledAction } from "../actions";

export function UserStatusButton({ id, email, disabled }: { id: string; email: string; disabled: boolean }) {
  const t = useTranslations("admin");
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant={disabled ? "secondary" : "danger"}
      disabled={pending}
      aria-label={disabled ? t("enableLabel", { email }) : t("disableLabel", { email })}
      onClick={() => {
        if (!disabled && !window.confirm(t("disableConfirm", { email }))) return;
        start(async () => {
          const res = await setUserDisabledAction(id, !disabled);
          if (!res.ok) window.alert(res.error);
        });
      }}
    >
      {disabled ? t("enable") : t("disable")}
    </Button>
  );
}
