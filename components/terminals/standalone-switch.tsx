"use client";
// Admins switch standalone on or off for a terminal or a whole store, after a confirmation that says what happens.
// Used on the terminals page (per row, and for a store) and on a store's runbook (for the store).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/http/action-result";
import type { StandaloneChange } from "@/lib/runbook";
import { ConfirmButton, ConfirmOutcome, type ConfirmResult } from "@/components/ui/confirm-button";

export type SetStandaloneAction = (input: unknown) => Promise<ActionResult<StandaloneChange>>;
type Target = { kind: "terminal"; terminalId: string } | { kind: "store"; storeId: string; storeName: string };

function useSwitch(action: SetStandaloneAction, target: Target) {
  const t = useTranslations("terminals.switch");
  const router = useRouter();
  const what = target.kind === "terminal" ? target.terminalId : target.storeName;
  return async (enabled: boolean): Promise<ConfirmResult> => {
    const input = {
      target: target.kind === "terminal" ? target : { kind: "store", storeId: target.storeId },
      enabled,
    };
    const result = await action(input);
    router.refresh();
    if (!result.ok) return { ok: false, error: result.error };
    const kept = result.data.keepOwnSetting;
    if (kept.length > 0) return { ok: true, message: t("doneKept", { count: kept.length, ids: kept.join(", ") }) };
    if (target.kind === "store") return { ok: true, message: t(enabled ? "doneStoreOn" : "doneStoreOff", { what }) };
    return { ok: true, message: t("done") };
  };
}

/** One terminal: the switch that changes its current setting. */
export function TerminalStandaloneSwitch(props: { action: SetStandaloneAction; terminalId: string; enabled: boolean }) {
  const t = useTranslations("terminals.switch");
  const run = useSwitch(props.action, { kind: "terminal", terminalId: props.terminalId });
  const what = props.terminalId;
  return (
    <ConfirmButton
      label={t(props.enabled ? "terminalOn" : "terminalOff", { what })}
      question={t(props.enabled ? "confirmTerminalOn" : "confirmTerminalOff", { what })}
      confirmLabel={t(props.enabled ? "yesOn" : "yesOff")}
      cancelLabel={t("cancel")}
      variant={props.enabled ? "primary" : "danger"}
      run={() => run(props.enabled)}
    />
  );
}

/** A whole store: on and off side by side, with one outcome line for both (the last change made). */
export function StoreStandaloneSwitch(props: {
  action: SetStandaloneAction;
  storeId: string;
  storeName: string;
  count: number;
}) {
  const t = useTranslations("terminals.switch");
  const run = useSwitch(props.action, { kind: "store", storeId: props.storeId, storeName: props.storeName });
  const [outcome, setOutcome] = useState<ConfirmResult | null>(null);
  const what = props.storeName;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-4">
        {([true, false] as const).map((enabled) => (
          <ConfirmButton
            key={String(enabled)}
            label={t(enabled ? "storeOn" : "storeOff", { what })}
            question={t(enabled ? "confirmStoreOn" : "confirmStoreOff", { what, count: props.count })}
            confirmLabel={t(enabled ? "yesOn" : "yesOff")}
            cancelLabel={t("cancel")}
            variant={enabled ? "primary" : "danger"}
            run={() => run(enabled)}
            outcome={[outcome, setOutcome]}
          />
        ))}
      </div>
      <ConfirmOutcome result={outcome} />
    </div>
  );
}
