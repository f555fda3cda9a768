import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import {
  IMPORT_KINDS,
  importColumns,
  listImportBatches,
  type ImportColumns,
  type ImportKind,
} from "@/lib/reconciliation/imports";
import { Card, PageHeader } from "@/components/ui/card";
import { ImportUploader } from "./_components/import-uploader";
import { RecentImports } from "./_components/recent-imports";

const COLUMNS = Object.fromEntries(IMPORT_KINDS.map((k) => [k, importColumns(k)])) as Record<ImportKind, ImportColumns>;

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  const p = await requirePage("imports.read");
  const t = await getTranslations("imports");
  const batches = await listImportBatches(p, 20);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {/* min-w-0: grid items would otherwise grow to their widest table instead of scrolling it on a phone. */}
      <div className="grid gap-6">
        <Card title={t("uploadTitle")} className="min-w-0">
          <ImportUploader columns={COLUMNS} />
        </Card>
        <Card title={t("recent")} className="min-w-0">
          <RecentImports batches={batches} />
        </Card>
      </div>
    </>
  );
}
