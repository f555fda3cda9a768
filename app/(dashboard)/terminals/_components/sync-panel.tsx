"use client";
// When the list was last synchronised from Adyen, whether the last attempt failed (the data shown is then the last
// good sync's), and "sync now".
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { SyncState } from "@/lib/runbook";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { LiveRefresh } from "@/components/live-refresh";
import { syncNowAction } from "../actions";

export function SyncPanel({ state, canSync }: { state: SyncState; canSync: boolean }) {
  const t = useTranslations("terminals.sync");
  const format = useFormatter();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  // After "sync now", follow the queued run for a while even before it shows as running.
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    if (!watching) return;
    const timer = setTimeout(() => setWatching(false), 120_000);
    return () => clearTimeout(timer);
  }, [watching]);
  const running = state.lastRun?.status === "running";
  const failed = state.lastRun?.status === "failed" ? state.lastRun : null;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-2">
      <LiveRefresh active={running || watching} intervalMs={3_000} />
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm" data-testid="sync-status">
          {state.lastSuccess
            ? t("last", { at: when(state.lastSuccess.at), count: state.lastSuccess.terminals })
            : t("never")}
          {running ? ` ${t("running")}` : ""}
        </p>
        {canSync ? (
          <Button
            type="button"
            variant="secondary"
            disabled={pending || running}
            onClick={() =>
              start(async () => {
                const r = await syncNowAction();
                setMessage(r.ok ? t("queued") : r.error);
                setWatching(r.ok);
                router.refresh();
              })
            }
          >
            {t("now")}
          </Button>
        ) : null}
        <span aria-live="polite" className="text-sm text-slate-700">
          {message ?? ""}
        </span>
      </div>
      {failed ? (
        <Notice tone="warn">
          {t("failed", { at: when(failed.finishedAt ?? failed.startedAt), error: failed.error ?? "" })}
        </Notice>
      ) : null}
    </div>
  );
}
