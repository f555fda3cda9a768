// The runbook of one store: what is wrong (status verdict, declared outage), which fallback to use here and now
// (computed from the store's facts), and each fallback's steps, with the Pay by Link form right on the page.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { KNOWN_CURRENCIES } from "@/lib/money";
import { listTerminals, loadStoreRunbook, parseTerminalFilter, type Fallback, type Message } from "@/lib/runbook";
import { bannerStoresOf, readStatusSnapshot } from "@/lib/status";
import { LiveRefresh } from "@/components/live-refresh";
import { PublishBanner } from "@/components/status/banner-sync";
import { LinkForm } from "@/components/payment-links/link-form";
import { Card, Notice } from "@/components/ui/card";
import { StoreStandaloneSwitch } from "@/components/terminals/standalone-switch";
import { createLinkAction } from "../../payment-links/actions";
import { setStandaloneAction } from "../../terminals/actions";
import { PAY_BY_LINK_ID, RunbookArrival, TakeLinkButton } from "../_components/arrival";
import { FallbackCard } from "../_components/fallback-card";
import { OutagePanel } from "../_components/outage-panel";
import { TapToPayForm } from "../_components/tap-to-pay-form";
import { VerdictLine } from "../_components/verdict-line";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("runbook"))("title") };
}

const LOCALE_BY_COUNTRY: Record<string, string> = { DE: "de-DE", AT: "de-AT", CH: "de-CH", NL: "nl-NL", FR: "fr-FR" };
const linkClass = "font-medium text-brand-700 underline";

const HEADING_ID = "runbook-title";

export default async function StoreRunbookPage({
  params,
  searchParams,
}: {
  params: Promise<{ storeId: string }>;
  searchParams: Promise<{ take?: string | string[] }>;
}) {
  const { storeId } = await params;
  const p = await requirePage("runbook.read", { storeId });
  const takeLink = (await searchParams).take === "link";
  const [t, format, rb, snapshot] = await Promise.all([
    getTranslations("runbook"),
    getFormatter(),
    loadStoreRunbook(p, storeId),
    // The same reading the runbook's verdict comes from (cached for the request): the banner above shows it too.
    can(p, "status.read") ? readStatusSnapshot(p).catch(() => null) : null,
  ]);
  const ready = await listTerminals(p, parseTerminalFilter({ storeId, ready: "true", sort: "terminal" }));
  const reco = rb.recommendation;
  const say = (m: Message) => t(`reco.${m.key}`, m.values);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  const role = (kind: Fallback) =>
    reco.primary === kind
      ? "primary"
      : reco.backup === kind
        ? "backup"
        : reco.options[kind].usable
          ? "usable"
          : "unusable";
  const proposed =
    rb.verdict && (rb.verdict.state === "outage" || rb.verdict.state === "degraded") ? rb.verdict.since : null;
  const tone = {
    act: "border-red-300 bg-red-50",
    check: "border-amber-300 bg-amber-50",
    watch: "border-sky-300 bg-sky-50",
    prepare: "border-emerald-300 bg-emerald-50",
  }[reco.situation];
  const canLink = can(p, "links.create", { storeId });
  const procedure = rb.tapToPay.procedure;
  return (
    <div className="flex flex-col gap-4">
      {/* The verdict and the recommendation follow the store's status while the page is open. */}
      <LiveRefresh active intervalMs={15_000} />
      {snapshot ? (
        <PublishBanner state={{ generatedAt: snapshot.generatedAt, stores: bannerStoresOf(p, snapshot.stores) }} />
      ) : null}
      <RunbookArrival headingId={HEADING_ID} />
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href="/runbook" className={linkClass}>
            {t("allStores")}
          </Link>
        </p>
        <h1 id={HEADING_ID} tabIndex={-1} className="text-2xl font-semibold tracking-tight">
          {t("storeTitle", { store: rb.store.name })}
        </h1>
        <VerdictLine verdict={rb.verdict} t={t} when={when} />
      </header>

      <section aria-labelledby="reco-title" className={`rounded-lg border-2 p-4 ${tone}`}>
        <h2 id="reco-title" className="text-lg font-semibold">
          {say(reco.headline)}
        </h2>
        <p className="mt-1">{say(reco.reason)}</p>
        {canLink && reco.options.payByLink.usable && (reco.situation === "act" || reco.situation === "check") ? (
          <div className="mt-3">
            <TakeLinkButton label={t("takeLink")} />
          </div>
        ) : null}
      </section>

      <FallbackCard
        kind="standalone"
        number={1}
        role={role("standalone")}
        note={say(reco.options.standalone.note)}
        open={reco.primary === "standalone"}
        t={t}
      >
        {ready.items.length > 0 ? (
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t("standalone.readyTitle", { count: ready.items.length })}</h3>
            <ul className="list-disc pl-5 text-sm">
              {ready.items.map((x) => (
                <li key={x.terminalId}>
                  <span className="font-mono text-xs">{x.terminalId}</span> ({x.model})
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {(["switch", "amount", "receipt", "back"] as const).map((k) => (
            <li key={k}>{t(`standalone.steps.${k}`)}</li>
          ))}
        </ol>
        <Notice tone="info">
          {t("standalone.receiptReminder")}{" "}
          <Link href={`/runbook/${storeId}/receipts/new`} className={linkClass}>
            {t("standalone.enterReceipt")}
          </Link>
        </Notice>
        {can(p, "terminals.standalone.write", { storeId }) && rb.terminals.total > 0 ? (
          <StoreStandaloneSwitch
            action={setStandaloneAction}
            storeId={storeId}
            storeName={rb.store.name}
            count={rb.terminals.total}
          />
        ) : null}
        {rb.terminals.printerStandaloneOff > 0 ? (
          <p className="text-sm text-slate-700">
            {t("standalone.canEnable", { count: rb.terminals.printerStandaloneOff })}{" "}
            <Link href={`/terminals?storeId=${storeId}`} className={linkClass}>
              {t("standalone.terminalsLink")}
            </Link>
          </p>
        ) : null}
      </FallbackCard>

      <FallbackCard
        id={PAY_BY_LINK_ID}
        kind="payByLink"
        number={2}
        role={role("payByLink")}
        note={say(reco.options.payByLink.note)}
        open={takeLink || reco.primary === "payByLink" || reco.backup === "payByLink"}
        t={t}
      >
        {canLink ? (
          <LinkForm
            action={createLinkAction}
            stores={[rb.store]}
            storeId={storeId}
            currencies={KNOWN_CURRENCIES}
            defaultLocale={LOCALE_BY_COUNTRY[rb.store.country ?? ""]}
          />
        ) : null}
        <p className="text-sm">
          <Link href={`/payment-links?storeId=${storeId}`} className={linkClass}>
            {t("payByLink.allLinks")}
          </Link>
        </p>
      </FallbackCard>

      <FallbackCard
        kind="tapToPay"
        number={3}
        role={role("tapToPay")}
        note={say(reco.options.tapToPay.note)}
        open={reco.primary === "tapToPay"}
        t={t}
      >
        {rb.tapToPay.available ? (
          procedure && /^https?:\/\//i.test(procedure) ? (
            <a href={procedure} target="_blank" rel="noreferrer" className={linkClass}>
              {t("tapToPay.openProcedure")}
            </a>
          ) : procedure ? (
            <p className="whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm">{procedure}</p>
          ) : (
            <p className="text-sm text-slate-700">{t("tapToPay.noProcedure")}</p>
          )
        ) : (
          <p className="text-sm text-slate-700">{t("tapToPay.notRecorded")}</p>
        )}
        {can(p, "stores.tap_to_pay.write") ? <TapToPayForm current={rb.tapToPay} /> : null}
      </FallbackCard>

      <Card title={t("outage.title")}>
        <OutagePanel
          storeId={storeId}
          outage={rb.outage}
          proposedSince={proposed}
          canDeclare={can(p, "outages.declare", { storeId })}
        />
      </Card>

      <p className="text-sm">
        <Link href={`/runbook/${storeId}/receipts/new`} className={linkClass}>
          {t("receiptsLink")}
        </Link>
      </p>
    </div>
  );
}
