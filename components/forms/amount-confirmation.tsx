"use client";
// Before a form sends a large amount: the amount big in figures and in words, as on a cheque, so a slip of a
// separator or a zero is seen before anything is created. "Yes" submits the form with the server's token for exactly
// this amount; a changed amount needs its own confirmation.
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toLocale } from "@/i18n/locales";
import { formatMinor, type MinorAmount } from "@/lib/money";
import { amountInWords } from "@/lib/money-words";
import { Button } from "@/components/ui/button";

export function AmountConfirmation(props: {
  amount: MinorAmount;
  token: string;
  yesLabel: (amount: string) => string;
  onChange: () => void;
  pending: boolean;
}) {
  const t = useTranslations("amountConfirm");
  const locale = toLocale(useLocale());
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [props.token]);
  const figures = formatMinor(props.amount.value, props.amount.currency, locale);
  const words = amountInWords(props.amount, locale);
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="group"
      aria-labelledby={titleId}
      className="flex flex-col gap-2 rounded-lg border-2 border-amber-400 bg-amber-50 p-4 outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      <h3 id={titleId} className="text-sm font-semibold">
        {t("title")}
      </h3>
      <p className="text-3xl font-bold tabular-nums tracking-tight">{figures}</p>
      <p className="text-lg">
        {words.fraction
          ? t("wordsWithFraction", { whole: words.whole, currency: words.currency, fraction: words.fraction })
          : t("words", { whole: words.whole, currency: words.currency })}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="confirmed" value={props.token} disabled={props.pending}>
          {props.yesLabel(figures)}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onChange}>
          {t("change")}
        </Button>
      </div>
    </div>
  );
}

type ConfirmState = { ok: boolean; data?: unknown } | null;

/**
 * A form's submit button, or in its place the confirmation the server asked for (its answer's data is
 * `{ kind: "confirm", amount, token }`). "Change the amount" puts the confirmation away and focuses the amount field.
 */
export function SubmitOrConfirm(props: {
  state: ConfirmState;
  form: RefObject<HTMLFormElement | null>;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  yesLabel: (amount: string) => string;
}) {
  const [dismissed, setDismissed] = useState<ConfirmState>(null);
  const data = props.state?.ok ? (props.state.data as { kind?: string; amount?: MinorAmount; token?: string }) : null;
  if (data?.kind === "confirm" && data.amount && data.token && dismissed !== props.state) {
    return (
      <AmountConfirmation
        amount={data.amount}
        token={data.token}
        yesLabel={props.yesLabel}
        onChange={() => {
          setDismissed(props.state);
          props.form.current?.querySelector<HTMLInputElement>('input[name="amount"]')?.focus();
        }}
        pending={props.pending}
      />
    );
  }
  return (
    <Button type="submit" disabled={props.pending}>
      {props.pending ? props.pendingLabel : props.submitLabel}
    </Button>
  );
}
