// The latest import batches, newest first (server component: the page passes rows it already loaded).
import { getFormatter, getTranslations } from "next-intl/server";
import { Cell, Row, SimpleTable } from "@/components/ui/simple-table";
import type { ImportBatchRow } from "@/lib/reconciliation/imports/queries";

export async function RecentImports({ batches }: { batches: ImportBatchRow[] }) {
  const t = await getTranslations("imports");
  const format = await getFormatter();
  if (batches.length === 0) return <p className="text-sm text-slate-600">{t("noImports")}</p>;
  const numbers = ["rows", "inserted", "updated", "duplicates", "rejected"] as const;
  return (
    <SimpleTable
      columns={[
        { label: t("when") },
        { label: t("kindCol") },
        { label: t("fileCol") },
        ...numbers.map((key) => ({ label: t(key), align: "right" as const })),
        { label: t("by") },
      ]}
    >
      {batches.map((b) => (
        <Row key={b.id}>
          <Cell className="whitespace-nowrap">
            {format.dateTime(b.createdAt, { dateStyle: "short", timeStyle: "short" })}
          </Cell>
          <Cell>{t(`kindNames.${b.kind}`)}</Cell>
          <Cell className="max-w-48 truncate" title={b.fileName ?? undefined}>
            {b.fileName ?? t("api")}
          </Cell>
          {numbers.map((key) => (
            <Cell key={key} className="text-right tabular-nums">
              {format.number(b[key])}
            </Cell>
          ))}
          <Cell>{b.createdBy}</Cell>
        </Row>
      ))}
    </SimpleTable>
  );
}
