"use client";
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { revokeTokenAction } from "../actions";

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("admin");
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="danger"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(t("revokeConfirm", { name }))) return;
        start(async () => {
          const res = await revokeTokenAction(id);
          if (!res.ok) window.alert(res.error);
        });
      }}
    >
      {t("revoke")}
    </Button>
  );
}
