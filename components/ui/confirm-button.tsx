"use client";
// A consequential action behind a second, explicit click: the first shows what will happen and asks; the second
// runs the server action. The outcome is announced politely for screen readers.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

export type ConfirmResult = { ok: true; message?: string } | { ok: false; error: string };
type Outcome = [ConfirmResult | null, (r: ConfirmResult | null) => void];

export function ConfirmButton(props: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  run: () => Promise<ConfirmResult>;
  variant?: "primary" | "secondary" | "danger";
  /**
   * Buttons that change the same thing share one outcome (their owner shows it with ConfirmOutcome), so two
   * answers never stand side by side; without it the button shows its own.
   */
  outcome?: Outcome;
}) {
  const [asking, setAsking] = useState(false);
  const own = useState<ConfirmResult | null>(null);
  const [result, setResult] = props.outcome ?? own;
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
      {props.outcome ? null : <ConfirmOutcome result={result} />}
    </div>
  );
}

export function ConfirmOutcome({ result }: { result: ConfirmResult | null }) {
  return (
    <p aria-live="polite" className={`text-sm ${result && !result.ok ? "text-red-800" : "text-slate-700"}`}>
      {result ? (result.ok ? (result.message ?? "") : result.error) : ""}
    </p>
  );
}
