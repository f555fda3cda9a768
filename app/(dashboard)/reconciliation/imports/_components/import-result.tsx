"use client";
// What an import did: counts, lines per type and money per currency (formatted from minor units, never floats).
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { formatMinor, isKnownCurrency } from "@/lib/money";
import type { Imported } from "./upload-response";
import { ProblemsTable } from "./problems-table";

export function ImportResult({ result }: { result: Imported }) {
  const t = useTranslations("imports");
  const locale = useLocale();
  const format = useFormatter();
  const money = (value: number, currency: string) =>
    isKnownCurrency(currency) ? formatMinor(value, currency, locale) : `${value} ${currency}`;
  const { byType, netByCurrency, byStore, storeNames, amountByCurrency } = result.summary;
  const counts = [
    ["rows", result.rows],
    ["inserted", result.inserted],
    ["updated", result.updated],
    ["duplicates", result.duplicates],
    ["rejected", result.rejected],
  ] as const;
  return (
    <div className="grid gap-4">
      <Notice tone="ok">{t("done", { kind: t(`kinds.${result.kind}`), fileName: result.fileName ?? "" })}</Notice>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {counts.map(([key, n]) => (
          <div key={key} className="rounded border border-slate-200 p-2">
            <dt className="text-xs text-slate-600">{t(key)}</dt>
            <dd className="text-lg font-semibold tabular-nums">{format.number(n)}</dd>
          </div>
        ))}
      </dl>
      {byType ? <CountTable caption={t("byType")} keyLabel={t("type")} counts={byType} /> : null}
      {byStore ? (
        <CountTable
          caption={t("byStore")}
          keyLabel={t("store")}
          counts={byStore}
          labelOf={(id) => (storeNames?.[id] ? `${storeNames[id]} (${id})` : id)}
        />
      ) : null}
      {netByCurrency ? (
        <SimpleTable
          caption={t("netByCurrency")}
          head={[t("currency"), t("credit"), t("debit"), t("net")]}
          rows={Object.entries(netByCurrency).map(([c, n]) => [
            c,
            money(n.credit, c),
            money(n.debit, c),
            money(n.credit - n.debit, c),
          ])}
        />
      ) : null}
      {amountByCurrency ? (
        <SimpleTable
          caption={t("amountByCurrency")}
          head={[t("currency"), t("amount")]}
          rows={Object.entries(amountByCurrency).map(([c, v]) => [c, money(v, c)])}
        />
      ) : null}
      {result.rejected > 0 ? (
        <div className="grid gap-2">
          <h3 className="font-semibold">{t("skippedTitle", { count: result.rejected })}</h3>
          <ProblemsTable problems={result.problems} total={result.problemCount} />
        </div>
      ) : null}
    </div>
  );
}

function CountTable({
  caption,
  keyLabel,
  counts,
  labelOf = (key) => key,
}: {
  caption: string;
  keyLabel: string;
  counts: Record<string, number>;
  labelOf?: (key: string) => string;
}) {
  const t = useTranslations("imports");
  const format = useFormatter();
  return (
    <SimpleTable
      caption={caption}
      head={[keyLabel, t("count")]}
      rows={Object.entries(counts).map(([k, n]) => [labelOf(k), format.number(n)])}
    />
  );
}

function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b text-slate-600">
            {head.map((h, i) => (
              <th key={h} scope="col" className={`py-2 pr-4 ${i > 0 ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells) => (
            <tr key={cells[0]} className="border-b last:border-0">
              {cells.map((cell, i) => (
                <td key={i} className={`py-1.5 pr-4 ${i > 0 ? "text-right tabular-nums" : ""}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
