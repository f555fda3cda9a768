// One payment link: the QR code and URL for the customer, its live status, and expiring it.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { formatMinor } from "@/lib/money";
import { getPaymentLinkView, isOpenStatus } from "@/lib/runbook";
import { listStoresFor } from "@/lib/stores/stores";
import { LinkResult } from "@/components/payment-links/link-result";
import { Card, PageHeader } from "@/components/ui/card";
import { ExpireButton } from "../_components/expire-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("links"))("detailTitle") };
}

export default async function PaymentLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const p = await requirePage("links.read");
  const { id } = await params;
  const link = await getPaymentLinkView(p, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    if (isAppError(err) && err.code === "FORBIDDEN") forbidden();
    throw err;
  });
  const [t, format, locale, stores] = await Promise.all([
    getTranslations("links"),
    getFormatter(),
    getLocale(),
    listStoresFor(p),
  ]);
  const rows: [string, string][] = [
    [t("fields.reference"), link.reference],
    [t("fields.amount"), formatMinor(link.amount.value, link.amount.currency, locale)],
    [t("fields.store"), stores.find((s) => s.id === link.storeId)?.name ?? link.storeId],
    [t("fields.created"), format.dateTime(new Date(link.createdAt), { dateStyle: "medium", timeStyle: "short" })],
    [t("fields.adyenId"), link.adyenId ?? "—"],
    ...(link.pspReference ? ([[t("fields.pspReference"), link.pspReference]] as [string, string][]) : []),
    ...(link.description ? ([[t("fields.description"), link.description]] as [string, string][]) : []),
  ];
  return (
    <>
      <PageHeader title={t("detailTitle")} />
      <p className="mb-4">
        <Link href="/payment-links" className="text-sm text-brand-700 underline">
          {t("backToList")}
        </Link>
      </p>
      <div className="grid gap-6 md:grid-cols-2">
        <LinkResult initial={link} headingLevel={2} />
        <Card title={t("detailsTitle")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
          {isOpenStatus(link.status) &&
          link.status !== "creating" &&
          can(p, "links.expire", { storeId: link.storeId }) ? (
            <div className="mt-4">
              <ExpireButton id={link.id} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
