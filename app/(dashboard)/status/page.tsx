import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { listStoresFor } from "@/lib/stores/stores";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Cell, Row, SimpleTable } from "@/components/ui/simple-table";

export const metadata: Metadata = { title: "Status" };

export default async function StatusPage() {
  const p = await requirePage("status.read");
  const t = await getTranslations("status");
  const stores = await listStoresFor(p);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="mb-4">
        <Notice>{t("notYet")}</Notice>
      </div>
      <Card title={t("stores")}>
        <SimpleTable
          caption={t("stores")}
          columns={[{ label: t("store") }, { label: t("timezone") }, { label: t("verdict") }]}
        >
          {stores.map((s) => (
            <Row key={s.id}>
              <Cell>
                <div className="font-medium">{s.name}</div>
                <div className="font-mono text-xs text-slate-500">{s.id}</div>
              </Cell>
              <Cell>{s.timezone}</Cell>
              <Cell>
                <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">
                  {t("unknown")}
                </span>
              </Cell>
            </Row>
          ))}
        </SimpleTable>
      </Card>
    </>
  );
}
