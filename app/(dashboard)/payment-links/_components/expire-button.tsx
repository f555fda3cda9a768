"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { expireLinkAction } from "../actions";

export function ExpireButton({ id }: { id: string }) {
  const t = useTranslations("links.expire");
  const router = useRouter();
  return (
    <ConfirmButton
      label={t("button")}
      question={t("question")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      variant="danger"
      run={async () => {
        const result = await expireLinkAction(id);
        router.refresh();
        return result.ok ? { ok: true, message: t("done") } : { ok: false, error: result.error };
      }}
    />
  );
}
