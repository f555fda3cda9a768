// Standalone receipt capture for one store, on a phone: the form, and the receipts entered today.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { KNOWN_CURRENCIES, formatMinor } from "@/lib/money";
import {
  instantToWallTime,
  listTerminals,
  loadStoreRunbook,
  parseTerminalFilter,
  receiptsEnteredToday,
} from "@/lib/runbook";
import { Card } from "@/components/ui/card";
import { ReceiptForm } from "../../../_components/receipt-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("runbook.receipts"))("title") };
}

export default async function NewReceiptPage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  // Store staff's page (runbook.read); saving checks receipts.create as well.
  const p = await requirePage("runbook.read", { storeId });
  const [t, format, locale, rb, today, terminals] = await Promise.all([
    getTranslations("runbook.receipts"),
    getFormatter(),
    getLocale(),
    loadStoreRunbook(p, storeId),
    receiptsEnteredToday(p, storeId),
    listTerminals(p, parseTerminalFilter({ storeId, sort: "terminal" })),
  ]);
  const tz = rb.store.timezone;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={`/runbook/${storeId}`} className="font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading", { store: rb.store.name })}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <Card>
        <ReceiptForm
          storeId={storeId}
          currency={rb.store.defaultCurrency}
          currencies={KNOWN_CURRENCIES}
          now={instantToWallTime(new Date(), tz)}
          terminals={terminals.items.map((x) => ({ id: x.terminalId, label: `${x.terminalId} (${x.model ?? "?"})` }))}
        />
      </Card>
      <Card title={t("today", { count: today.length })}>
        {today.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noneToday")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100 text-sm" aria-label={t("todayLabel")}>
            {today.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {format.dateTime(new Date(r.transactedAt), { timeStyle: "short", timeZone: tz })} ·{" "}
                  <span className="font-mono text-xs">{r.terminalId ?? t("noTerminal")}</span>
                  {r.cardLast4 ? ` · ${r.cardBrand ?? ""} •••• ${r.cardLast4}` : ""}
                </span>
                <span className="font-semibold tabular-nums">
                  {formatMinor(r.amount.value, r.amount.currency, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
