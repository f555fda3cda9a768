"use client";
// A status page that cannot be built says so and offers a retry; the banner keeps polling meanwhile.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";

export default function StatusError({ reset }: { reset: () => void }) {
  const t = useTranslations("status");
  return (
    <div className="flex flex-col items-start gap-3">
      <Notice tone="error">{t("error")}</Notice>
      <Button onClick={reset}>{t("retry")}</Button>
    </div>
  );
}
