"use client";
// Shown when the page could not be loaded (the database is down, say); the message never carries details.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";

export default function IdempotencyError({ reset }: { reset: () => void }) {
  const t = useTranslations("idempotency");
  return (
    <div className="grid gap-3">
      <Notice tone="error">{t("loadError")}</Notice>
      <div>
        <Button type="button" variant="secondary" onClick={reset}>
          {t("retry")}
        </Button>
      </div>
    </div>
  );
}
