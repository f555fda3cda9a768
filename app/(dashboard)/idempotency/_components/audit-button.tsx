"use client";
// Analyse this dashboard's own recorded Adyen calls and stored webhooks, then show that analysis.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

export function AuditButton({ run }: { run: () => Promise<ActionResult<{ id: string }>> }) {
  const t = useTranslations("idempotency.analyses");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() => {
          setError(null);
          start(async () => {
            const res = await run();
            if (res.ok) router.push(`/idempotency?analysis=${res.data.id}#analysis`);
            else setError(res.error);
          });
        }}
      >
        {pending ? t("auditing") : t("audit")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
