"use client";
// What a page shows when loading it failed: in words, with a way to try again (the server logged the details).
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";

export function RouteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="flex flex-col items-start gap-3">
      <Notice tone="error">{t("loadFailed")}</Notice>
      <Button type="button" variant="secondary" onClick={reset}>
        {t("tryAgain")}
      </Button>
    </div>
  );
}
