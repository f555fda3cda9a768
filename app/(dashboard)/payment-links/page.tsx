// Pay by Link: create a link for an order (QR code for the customer), and every link with its live status.
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { KNOWN_CURRENCIES } from "@/lib/money";
import { LINK_STATUS_FILTERS, isOpenStatus, listPaymentLinks, storesForAction } from "@/lib/runbook";
import { listStoresFor } from "@/lib/stores/stores";
import { LiveRefresh } from "@/components/live-refresh";
import { LinkForm } from "@/components/payment-links/link-form";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { createLinkAction } from "./actions";
import { LinkList } from "./_components/link-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("links"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function PaymentLinksPage({ searchParams }: { searchParams: SearchParams }) {
  const p = await requirePage("links.read");
  const sp = await searchParams;
  const filter = { storeId: one(sp.storeId), status: one(sp.status), q: one(sp.q), cursor: one(sp.cursor) };
  const [t, format, locale, page, stores] = await Promise.all([
    getTranslations("links"),
    getFormatter(),
    getLocale(),
    listPaymentLinks(p, filter),
    listStoresFor(p),
  ]);
  const creatable = can(p, "links.create") ? await storesForAction(p, "links.create") : [];
  const storeNames = new Map(stores.map((s) => [s.id, s.name]));
  const next = new URLSearchParams(Object.entries({ ...filter, cursor: page.nextCursor ?? "" }).filter(([, v]) => v));
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <LiveRefresh active={page.items.some((l) => isOpenStatus(l.status))} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        {creatable.length > 0 ? (
          <Card title={t("newLink")}>
            <LinkForm action={createLinkAction} stores={creatable} currencies={KNOWN_CURRENCIES} />
          </Card>
        ) : null}
        <Card title={t("listTitle")}>
          <Form action="/payment-links" className="mb-3 grid gap-3 sm:grid-cols-3">
            <SelectField
              label={t("filters.store")}
              name="storeId"
              defaultValue={filter.storeId}
              options={[
                { value: "", label: t("filters.allStores") },
                ...stores.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <SelectField
              label={t("filters.status")}
              name="status"
              defaultValue={filter.status}
              options={[
                { value: "", label: t("filters.anyStatus") },
                ...LINK_STATUS_FILTERS.map((f) => ({ value: f.value, label: t(`status.${f.label}`) })),
              ]}
            />
            <TextField label={t("filters.reference")} name="q" defaultValue={filter.q} />
            <div className="sm:col-span-3">
              <Button type="submit" variant="secondary">
                {t("filters.apply")}
              </Button>
            </div>
          </Form>
          <LinkList links={page.items} storeNames={storeNames} t={t} format={format} locale={locale} />
          {page.nextCursor ? (
            <Link
              href={`/payment-links?${next.toString()}`}
              prefetch={false}
              className="mt-3 inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100"
            >
              {t("nextPage")}
            </Link>
          ) : null}
        </Card>
      </div>
    </>
  );
}
