import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import {
  bannerStoresOf,
  getSparklines,
  getStatusHistory,
  getStatusOverview,
  historyQuerySchema,
  listAlertSetup,
  listIncidents,
  listMaintenanceWindows,
} from "@/lib/status";
import { LiveRefresh } from "@/components/live-refresh";
import { PublishBanner } from "@/components/status/banner-sync";
import { Card, PageHeader } from "@/components/ui/card";
import { AlertSetup } from "./_components/alert-setup";
import { HistorySection, RANGES, type Range } from "./_components/history-section";
import { IncidentTimeline } from "./_components/incident-timeline";
import { MaintenanceForm, MaintenanceList } from "./_components/maintenance-form";
import { ComponentsCard, ProviderCard } from "./_components/provider-card";
import { StoreTable } from "./_components/store-table";

export const metadata: Metadata = { title: "Status" };
export const dynamic = "force-dynamic";

type Search = Promise<{ store?: string | string[]; range?: string | string[] }>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function StatusPage({ searchParams }: { searchParams: Search }) {
  const p = await requirePage("status.read");
  const t = await getTranslations("status");
  const sp = await searchParams;
  const range: Range = (Object.keys(RANGES) as Range[]).find((r) => r === one(sp.range)) ?? "24h";
  const overview = await getStatusOverview(p);
  const stores = overview.stores;
  const selected = stores.find((s) => s.storeId === one(sp.store)) ?? stores[0];
  const now = new Date();
  const from = new Date(now.getTime() - RANGES[range]).toISOString();
  const history = (storeId?: string) =>
    getStatusHistory(p, historyQuerySchema.parse({ ...(storeId ? { storeId } : {}), from, to: now.toISOString() }));
  const canMaintain = can(p, "status.maintenance.write");
  const canAlerts = can(p, "status.alerts.manage");
  const [sparks, storeHistory, apiHistory, incidents, windows, alerts] = await Promise.all([
    getSparklines(
      p,
      stores.map((s) => s.storeId),
    ),
    selected ? history(selected.storeId) : null,
    history(),
    listIncidents(p, { from: new Date(now.getTime() - 30 * 86_400_000), to: now }),
    listMaintenanceWindows(p),
    canAlerts ? listAlertSetup(p) : null,
  ]);
  const names = Object.fromEntries(stores.map((s) => [s.storeId, s.name]));
  const maintainable = stores.filter((s) => can(p, "status.maintenance.write", { storeId: s.storeId }));
  return (
    <>
      <LiveRefresh active intervalMs={10_000} />
      <PublishBanner state={{ generatedAt: overview.generatedAt, stores: bannerStoresOf(p, stores) }} />
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-6">
        <Card title={t("stores")}>
          {stores.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noStores")}</p>
          ) : (
            <StoreTable stores={stores} sparks={sparks} renderedAt={overview.generatedAt} />
          )}
        </Card>
        <div className="grid gap-6 md:grid-cols-2">
          <ComponentsCard components={overview.components} renderedAt={overview.generatedAt} />
          <ProviderCard provider={overview.provider} />
        </div>
        {selected && storeHistory ? (
          <HistorySection
            storeId={selected.storeId}
            storeName={selected.name}
            stores={stores.map((s) => ({ id: s.storeId, name: s.name }))}
            range={range}
            series={storeHistory.series}
            apis={apiHistory.series}
          />
        ) : null}
        <IncidentTimeline incidents={incidents} />
        <Card title={t("maintenance.title")}>
          <MaintenanceList windows={windows} names={names} canEdit={canMaintain} />
          {canMaintain && maintainable.length > 0 ? (
            <>
              <h3 className="mb-2 mt-4 font-semibold">{t("maintenance.new")}</h3>
              <MaintenanceForm stores={maintainable.map((s) => ({ value: s.storeId, label: s.name }))} />
            </>
          ) : null}
        </Card>
        {alerts ? (
          <Card title={t("alerts.title")}>
            <AlertSetup endpoints={alerts.endpoints} deliveries={alerts.deliveries} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
