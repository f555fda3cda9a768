// Terminals of every store the user may see, from the Management API sync: effective standalone settings and the
// level they come from, printer, cloud connection, last activity. Filters, sort and paging on the server.
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { TERMINAL_SORTS, listTerminals, terminalSyncState } from "@/lib/runbook";
import { listStoresFor } from "@/lib/stores/stores";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { StoreStandaloneSwitch } from "@/components/terminals/standalone-switch";
import { setStandaloneAction } from "./actions";
import { SyncPanel } from "./_components/sync-panel";
import { TerminalTable } from "./_components/terminal-table";
import { TERMINALS_PATH, readTerminalsQuery, sortLink, terminalsHref } from "./_components/terminals-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("terminals"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const pageLink =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100";

export default async function TerminalsPage({ searchParams }: { searchParams: SearchParams }) {
  const p = await requirePage("terminals.read");
  const q = readTerminalsQuery(await searchParams);
  const [t, format, stores, sync] = await Promise.all([
    getTranslations("terminals"),
    getFormatter(),
    listStoresFor(p),
    terminalSyncState(p),
  ]);
  const filter =
    q.filter.storeId && !stores.some((s) => s.id === q.filter.storeId) ? { ...q.filter, storeId: undefined } : q.filter;
  const page = await listTerminals(p, filter);
  const canSwitch = can(p, "terminals.standalone.write");
  const store = stores.find((s) => s.id === filter.storeId);
  const f = q.params;
  const filtered = ["storeId", "ready", "standalone", "connected", "printer", "level", "q"].some((k) => f.get(k));
  const sortLinks = Object.fromEntries(TERMINAL_SORTS.map((s) => [s, sortLink(q, s)]));
  const exportParams = new URLSearchParams(f);
  exportParams.delete("cursor");
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-6">
        <PageHeader title={t("title")} intro={t("intro")} />
        <a href={`/api/terminals/export?${exportParams.toString()}`} className={`${pageLink} mb-6`} download>
          {t("exportCsv")}
        </a>
      </div>
      <div className="flex flex-col gap-6">
        <SyncPanel state={sync} canSync={can(p, "terminals.sync")} />
        {/* Folded on a phone unless a filter is set: the table is what most visits are for. */}
        <details open={filtered} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <summary className="min-h-11 cursor-pointer py-2 text-base font-semibold">
            {filtered ? t("filters.titleActive") : t("filters.title")}
          </summary>
          <Form action={TERMINALS_PATH} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <SelectField
              label={t("filters.store")}
              name="storeId"
              defaultValue={filter.storeId ?? ""}
              options={[
                { value: "", label: t("filters.allStores") },
                ...stores.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <SelectField
              label={t("filters.ready")}
              name="ready"
              defaultValue={filter.readyForStandalone === undefined ? "" : String(filter.readyForStandalone)}
              options={[
                { value: "", label: t("filters.any") },
                { value: "true", label: t("filters.readyYes") },
                { value: "false", label: t("filters.readyNo") },
              ]}
            />
            <SelectField
              label={t("filters.standalone")}
              name="standalone"
              defaultValue={filter.standalone ?? ""}
              options={[
                { value: "", label: t("filters.any") },
                { value: "on", label: t("filters.on") },
                { value: "off", label: t("filters.off") },
              ]}
            />
            <SelectField
              label={t("filters.connected")}
              name="connected"
              defaultValue={filter.connected ?? ""}
              options={[
                { value: "", label: t("filters.any") },
                { value: "online", label: t("online") },
                { value: "offline", label: t("offline") },
                { value: "unknown", label: t("connectionUnknown") },
              ]}
            />
            <SelectField
              label={t("filters.printer")}
              name="printer"
              defaultValue={filter.printer === undefined ? "" : String(filter.printer)}
              options={[
                { value: "", label: t("filters.any") },
                { value: "true", label: t("printer") },
                { value: "false", label: t("noPrinter") },
              ]}
            />
            <SelectField
              label={t("filters.level")}
              name="level"
              defaultValue={filter.level ?? ""}
              options={[
                { value: "", label: t("filters.any") },
                ...(["company", "merchant", "store", "terminal"] as const).map((l) => ({
                  value: l,
                  label: t(`levels.${l}`),
                })),
              ]}
            />
            <div className="sm:col-span-2">
              <TextField label={t("filters.q")} name="q" defaultValue={filter.q ?? ""} hint={t("filters.qHint")} />
            </div>
            <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
              <Button type="submit">{t("filters.apply")}</Button>
              <Link href={TERMINALS_PATH} className={pageLink}>
                {t("filters.reset")}
              </Link>
            </div>
          </Form>
        </details>
        {canSwitch && store ? (
          <Card title={t("storeSwitch.title", { store: store.name })}>
            <p className="mb-3 text-sm text-slate-700">{t("storeSwitch.intro")}</p>
            <StoreStandaloneSwitch
              action={setStandaloneAction}
              storeId={store.id}
              storeName={store.name}
              count={page.items.length}
            />
          </Card>
        ) : null}
        <Card title={t("tableCaption")}>
          <TerminalTable rows={page.items} t={t} format={format} sortLinks={sortLinks} canSwitch={canSwitch} />
          <nav
            aria-label={t("pagination")}
            className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3"
          >
            <span className="text-sm text-slate-600">{t("shown", { count: page.items.length })}</span>
            <div className="flex gap-2">
              {filter.cursor ? (
                <Link href={terminalsHref(f, { cursor: null })} prefetch={false} className={pageLink}>
                  {t("firstPage")}
                </Link>
              ) : null}
              {page.nextCursor ? (
                <Link href={terminalsHref(f, { cursor: page.nextCursor })} prefetch={false} className={pageLink}>
                  {t("nextPage")}
                </Link>
              ) : null}
            </div>
          </nav>
        </Card>
      </div>
    </>
  );
}
