"use client";
// Admins switch standalone on or off for a terminal or a whole store, after a confirmation that says what happens.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { setStandaloneAction } from "../actions";

export function StandaloneSwitch(props: {
  target:
    { kind: "terminal"; terminalId: string } | { kind: "store"; storeId: string; storeName: string; count: number };
  enabled: boolean;
}) {
  const t = useTranslations("terminals.switch");
  const router = useRouter();
  const { target, enabled } = props;
  const what = target.kind === "terminal" ? target.terminalId : target.storeName;
  const label =
    target.kind === "terminal"
      ? t(enabled ? "terminalOn" : "terminalOff", { what })
      : t(enabled ? "storeOn" : "storeOff", { what });
  const question =
    target.kind === "terminal"
      ? t(enabled ? "confirmTerminalOn" : "confirmTerminalOff", { what })
      : t(enabled ? "confirmStoreOn" : "confirmStoreOff", { what, count: target.count });
  return (
    <ConfirmButton
      label={label}
      question={question}
      confirmLabel={t(enabled ? "yesOn" : "yesOff")}
      cancelLabel={t("cancel")}
      variant={enabled ? "primary" : "danger"}
      run={async () => {
        const input = {
          target: target.kind === "terminal" ? target : { kind: "store", storeId: target.storeId },
          enabled,
        };
        const result = await setStandaloneAction(input);
        router.refresh();
        if (!result.ok) return { ok: false, error: result.error };
        const kept = result.data.keepOwnSetting;
        return {
          ok: true,
          message: kept.length > 0 ? t("doneKept", { count: kept.length, ids: kept.join(", ") }) : t("done"),
        };
      }}
    />
  );
}
