// The runbook's entry: the stores the user may act for, worst first. A manager with one store goes straight to it.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listRunbookStores } from "@/lib/runbook";
import { bannerStoresOf, readStatusSnapshot } from "@/lib/status";
import { PublishBanner } from "@/components/status/banner-sync";
import { PageHeader } from "@/components/ui/card";
import { VerdictLine } from "./_components/verdict-line";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("runbook"))("title") };
}

export default async function RunbookPage() {
  const p = await requirePage("runbook.read");
  const [t, format, stores] = await Promise.all([getTranslations("runbook"), getFormatter(), listRunbookStores(p)]);
  const only = stores.length === 1 ? stores[0] : undefined;
  if (only) redirect(`/runbook/${only.id}`);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  // The reading the verdicts below come from (cached for the request), for the banner above them.
  const snapshot = can(p, "status.read") ? await readStatusSnapshot(p).catch(() => null) : null;
  return (
    <>
      {snapshot ? (
        <PublishBanner state={{ generatedAt: snapshot.generatedAt, stores: bannerStoresOf(p, snapshot.stores) }} />
      ) : null}
      <PageHeader title={t("title")} intro={t("intro")} />
      {stores.length === 0 ? <p className="text-slate-700">{t("noStores")}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {stores.map((s) => (
          <li key={s.id}>
            <Link
              href={`/runbook/${s.id}`}
              className="flex min-h-16 flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              <span className="text-base font-semibold">{s.name}</span>
              <VerdictLine verdict={s.verdict} t={t} when={when} />
              {s.outage ? (
                <span className="text-sm text-amber-900">{t("outageOpen", { since: when(s.outage.startsAt) })}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
