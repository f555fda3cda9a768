"use client";
// Alert webhooks (admin): add an endpoint (URL, optional signing secret), send a test, remove; the delivery log.
import { useActionState, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import type { AlertDeliveryView, AlertEndpointView } from "@/lib/status";
import { createAlertEndpointAction, deleteAlertEndpointAction, sendTestAlertAction } from "../actions";

export function AlertSetup({
  endpoints,
  deliveries,
}: {
  endpoints: AlertEndpointView[];
  deliveries: AlertDeliveryView[];
}) {
  const t = useTranslations("status.alerts");
  const format = useFormatter();
  const [state, action, pending] = useActionState(createAlertEndpointAction, null);
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const r = await fn();
      setError(r.ok ? null : (r.error ?? null));
    });
  return (
    <div className="flex flex-col gap-4">
      {endpoints.length === 0 ? <p className="text-sm text-slate-600">{t("noEndpoints")}</p> : null}
      <ul className="flex flex-col gap-2 text-sm">
        {endpoints.map((e) => (
          <li
            key={e.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 p-2"
          >
            <span className="min-w-0 break-all">
              <strong>{e.name}</strong> · {e.url} {e.signed ? `· ${t("signed")}` : ""}
            </span>
            <span className="flex gap-2">
              <Button variant="secondary" disabled={busy} onClick={() => run(() => sendTestAlertAction(e.id))}>
                {t("test")}
              </Button>
              <Button variant="danger" disabled={busy} onClick={() => run(() => deleteAlertEndpointAction(e.id))}>
                {t("remove")}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form action={action} className="grid gap-3 sm:grid-cols-3">
        <TextField label={t("name")} name="name" required />
        <TextField label={t("url")} name="url" type="url" required hint={t("urlHint")} />
        <TextField label={t("secret")} name="secret" type="password" autoComplete="off" hint={t("secretHint")} />
        <div className="sm:col-span-3">
          <Button type="submit" disabled={pending}>
            {t("add")}
          </Button>
        </div>
        {state && !state.ok ? (
          <div className="sm:col-span-3">
            <Notice tone="error">{state.error}</Notice>
          </div>
        ) : null}
      </form>
      <h3 className="text-sm font-semibold">{t("log")}</h3>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noDeliveries")}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("log")}</caption>
            <thead>
              <tr className="border-b text-slate-600">
                <th scope="col" className="py-2 pr-4">
                  {t("when")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("endpoint")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("result")}
                </th>
                <th scope="col" className="py-2">
                  {t("message")}
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-b align-top last:border-0">
                  <td className="whitespace-nowrap py-2 pr-4">
                    {format.dateTime(new Date(d.createdAt), { dateStyle: "short", timeStyle: "medium" })}
                  </td>
                  <td className="py-2 pr-4">{d.endpoint}</td>
                  <td className="py-2 pr-4">
                    {t(`statuses.${d.status}`)} · {t("attempts", { n: d.attempts })}
                    {d.lastError ? <div className="text-xs text-red-800">{d.lastError}</div> : null}
                  </td>
                  <td className="py-2 text-xs">{d.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
