"use client";
// A consequential action behind a second, explicit click: the first shows what will happen and asks; the second
// runs the server action. The outcome is announced politely for screen readers.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

type Result = { ok: true; message?: string } | { ok: false; error: string };

export function ConfirmButton(props: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  run: () => Promise<Result>;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col gap-2">
      {asking ? (
        <div
          role="group"
          aria-label={props.question}
          className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3"
        >
          <p className="text-sm font-medium">{props.question}</p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant={props.variant ?? "primary"}
              disabled={pending}
              onClick={() =>
                start(async () => {
                  setResult(await props.run());
                  setAsking(false);
                })
              }
            >
              {props.confirmLabel}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
              {props.cancelLabel}
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => (setResult(null), setAsking(true))}>
          {props.label}
        </Button>
      )}
      <p aria-live="polite" className={`text-sm ${result && !result.ok ? "text-red-800" : "text-slate-700"}`}>
        {result ? (result.ok ? (result.message ?? "") : result.error) : ""}
      </p>
    </div>
  );
}
