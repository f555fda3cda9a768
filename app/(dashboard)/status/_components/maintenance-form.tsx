"use client";
// Declare a maintenance window for a store. The browser's local times are sent as ISO instants with offset.
import { useActionState, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import type { MaintenanceView } from "@/lib/status";
import { cancelMaintenanceAction, createMaintenanceAction } from "../actions";

function toIso(local: string): string {
  const t = Date.parse(local);
  return Number.isNaN(t) ? local : new Date(t).toISOString();
}

export function MaintenanceForm({ stores }: { stores: Option[] }) {
  const t = useTranslations("status.maintenance");
  const [state, action, pending] = useActionState(async (prev: unknown, form: FormData) => {
    for (const k of ["startsAt", "endsAt"]) form.set(k, toIso(String(form.get(k) ?? "")));
    return createMaintenanceAction(prev, form);
  }, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <SelectField label={t("store")} name="storeId" options={stores} />
      <TextField label={t("reason")} name="reason" required />
      <TextField label={t("startsAt")} name="startsAt" type="datetime-local" required />
      <TextField label={t("endsAt")} name="endsAt" type="datetime-local" required />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("declare")}
        </Button>
      </div>
      {state && !state.ok ? (
        <div className="sm:col-span-2">
          <Notice tone="error">{state.error}</Notice>
        </div>
      ) : null}
      {state?.ok ? (
        <div className="sm:col-span-2">
          <Notice tone="ok">{t("declared")}</Notice>
        </div>
      ) : null}
    </form>
  );
}

export function MaintenanceList({
  windows,
  names,
  canEdit,
}: {
  windows: MaintenanceView[];
  names: Record<string, string>;
  canEdit: boolean;
}) {
  const t = useTranslations("status.maintenance");
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (windows.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <>
      <ul className="flex flex-col gap-2 text-sm">
        {windows.map((w) => (
          <li
            key={w.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded border border-sky-200 bg-sky-50 p-2"
          >
            <span>
              <strong>{names[w.storeId] ?? w.storeId}</strong>: {when(w.startsAt)} – {when(w.endsAt)} · {w.reason}
            </span>
            {canEdit ? (
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() =>
                  start(async () => {
                    const r = await cancelMaintenanceAction(w.id);
                    setError(r.ok ? null : r.error);
                  })
                }
              >
                {t("end")}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </>
  );
}
