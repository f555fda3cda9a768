// The latest import batches, newest first (server component: the page passes rows it already loaded).
import { getFormatter, getTranslations } from "next-intl/server";
import type { ImportBatchRow } from "@/lib/reconciliation/imports/queries";

export async function RecentImports({ batches }: { batches: ImportBatchRow[] }) {
  const t = await getTranslations("imports");
  const format = await getFormatter();
  if (batches.length === 0) return <p className="text-sm text-slate-600">{t("noImports")}</p>;
  const numbers = ["rows", "inserted", "updated", "duplicates", "rejected"] as const;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b text-slate-600">
            <th scope="col" className="py-2 pr-4">{t("when")}</th>
            <th scope="col" className="py-2 pr-4">{t("kindCol")}</th>
            <th scope="col" className="py-2 pr-4">{t("fileCol")}</th>
            {numbers.map((key) => (
              <th key={key} scope="col" className="py-2 pr-4 text-right">{t(key)}</th>
            ))}
            <th scope="col" className="py-2">{t("by")}</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id} className="border-b last:border-0">
              <td className="whitespace-nowrap py-2 pr-4">{format.dateTime(b.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
              <td className="py-2 pr-4">{t(`kindNames.${b.kind}`)}</td>
              <td className="max-w-48 truncate py-2 pr-4" title={b.fileName ?? undefined}>{b.fileName ?? t("api")}</td>
              {numbers.map((key) => (
                <td key={key} className="py-2 pr-4 text-right tabular-nums">{format.number(b[key])}</td>
              ))}
              <td className="py-2">{b.createdBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
