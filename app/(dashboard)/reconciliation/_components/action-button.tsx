"use client";
// One decision button (Confirm, Reject, Undo) bound to a server action: pending state, an "are you sure?" for the
// decisions that discard something, and the error shown next to the button.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

type Kind = "confirm" | "reject" | "undo";
const VARIANT = { confirm: "primary", reject: "danger", undo: "secondary" } as const;
// Confirming is easy to undo; rejecting hides a pair for good and undoing re-opens a settled order.
const ASK: Partial<Record<Kind, string>> = { reject: "rejectConfirm", undo: "undoConfirm" };

export function ActionButton({
  kind,
  action,
  describedBy,
}: {
  kind: Kind;
  action: () => Promise<ActionResult>;
  describedBy?: string;
}) {
  const t = useTranslations("recon.actions");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const ask = ASK[kind];
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant={VARIANT[kind]}
        disabled={pending}
        aria-describedby={describedBy}
        onClick={() => {
          if (ask && !window.confirm(t(ask))) return;
          setError(null);
          start(async () => {
            const res = await action();
            if (!res.ok) setError(res.error);
          });
        }}
      >
        {pending ? t("saving") : t(kind)}
      </Button>
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
