"use client";
// The rows that stopped (or were skipped by) an import: where, which field, why. The server sends at most 200.
import { useTranslations } from "next-intl";
import type { Problem } from "./upload-response";

export function ProblemsTable({ problems, total }: { problems: Problem[]; total: number }) {
  const t = useTranslations("imports");
  return (
    <div className="grid gap-2">
      {total > problems.length ? (
        <p className="text-sm text-slate-700">{t("problemsShown", { shown: problems.length, total })}</p>
      ) : null}
      <div className="relative max-h-96 overflow-auto rounded border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("problemsCaption")}</caption>
          <thead className="sticky top-0 bg-slate-50">
            <tr className="border-b text-slate-600">
              <th scope="col" className="px-2 py-2">
                {t("where")}
              </th>
              <th scope="col" className="px-2 py-2">
                {t("field")}
              </th>
              <th scope="col" className="px-2 py-2">
                {t("reason")}
              </th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} className="border-b align-top last:border-0">
                <td className="whitespace-nowrap px-2 py-1.5">
                  {p.line !== undefined ? t("lineN", { n: p.line }) : t("rowN", { n: p.index ?? 0 })}
                </td>
                <td className="px-2 py-1.5 font-mono text-xs">{p.field}</td>
                <td className="px-2 py-1.5">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
