// Adyen's status page as last read, beside our own probes: its state, components and open incidents.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ComponentStatus, ProviderStatus } from "@/lib/status";
import { Card } from "@/components/ui/card";
import { ReasonText } from "@/components/status/reason-text";
import { VerdictBadge } from "./verdict-badge";

export async function ProviderCard({ provider }: { provider: ProviderStatus }) {
  const t = await getTranslations("status");
  const format = await getFormatter();
  return (
    <Card title={t("provider.title")}>
      <div className="flex flex-wrap items-center gap-2">
        <VerdictBadge state={provider.state} />
        <span className="font-medium">{provider.description}</span>
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {provider.fetchedAt
          ? t("provider.fetched", { time: format.dateTime(new Date(provider.fetchedAt), { timeStyle: "medium" }) })
          : t("provider.notYet")}
        {provider.indicator ? ` · ${t("provider.indicator", { indicator: provider.indicator })}` : null}
      </p>
      {provider.reason ? <p className="mt-2 text-sm text-amber-900">{provider.reason}</p> : null}
      {provider.incidents.length > 0 ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">{t("provider.incidents")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {provider.incidents.map((i, n) => (
              <li key={n}>
                {i.name}{" "}
                <span className="text-slate-600">
                  ({i.impact}, {i.status})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {provider.components.length > 0 ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">{t("provider.components")}</h3>
          <ul className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
            {provider.components.map((c) => (
              <li key={c.name} className="flex justify-between gap-2 border-b border-slate-100 py-0.5">
                <span>{c.name}</span>
                <span className="text-slate-600">{c.status}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

export async function ComponentsCard({
  components,
  renderedAt,
}: {
  components: ComponentStatus[];
  renderedAt: string;
}) {
  const t = await getTranslations("status");
  return (
    <Card title={t("components.title")}>
      <ul className="flex flex-col gap-2 text-sm">
        {components.map((c) => (
          <li key={c.name} className="flex flex-col gap-0.5 border-b border-slate-100 pb-2 last:border-0">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{t(`components.${c.name}`)}</span>
              <VerdictBadge state={c.state} />
            </div>
            <span className="text-xs text-slate-600">
              <ReasonText reason={c.why} renderedAt={renderedAt} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
