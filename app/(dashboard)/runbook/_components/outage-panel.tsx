"use client";
// Declaring the outage for the store (reconciliation then matches more generously inside the window), confirming
// the one the status panel proposes, or closing the open one.
import { useActionState, useTransition, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { OutageView } from "@/lib/runbook";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { closeOutageAction, confirmOutageAction, declareOutageAction } from "../actions";

export function OutagePanel(props: {
  storeId: string;
  outage: OutageView | null;
  proposedSince: string | null;
  canDeclare: boolean;
}) {
  const t = useTranslations("runbook.outage");
  const format = useFormatter();
  const [state, declare, declaring] = useActionState(declareOutageAction, null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const r = await action();
      setError(r.ok ? null : (r.error ?? null));
    });

  if (props.outage) {
    const o = props.outage;
    return (
      <div className="flex flex-col gap-2">
        <Notice tone="warn">
          {t(o.closesOnRecovery ? "openFromStatus" : "open", { since: when(o.startsAt) })}{" "}
          {o.reason ? `— ${o.reason}` : ""}
        </Notice>
        {props.canDeclare ? (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => closeOutageAction(o.id, props.storeId))}
          >
            {t("close")}
          </Button>
        ) : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
      </div>
    );
  }
  if (!props.canDeclare) return <p className="text-sm text-slate-700">{t("none")}</p>;
  const since = props.proposedSince;
  return (
    <div className="flex flex-col gap-3">
      {since ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm">{t("proposed", { since: when(since) })}</p>
          <Button type="button" disabled={pending} onClick={() => run(() => confirmOutageAction(props.storeId))}>
            {t("confirm")}
          </Button>
        </div>
      ) : null}
      <form action={declare} className="flex flex-col gap-2">
        <input type="hidden" name="storeId" value={props.storeId} />
        <TextField label={t("reason")} name="reason" required hint={t("reasonHint")} />
        <Button type="submit" variant={since ? "secondary" : "primary"} disabled={declaring}>
          {t("declare")}
        </Button>
      </form>
      {state && !state.ok ? <Notice tone="error">{state.error}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </div>
  );
}
