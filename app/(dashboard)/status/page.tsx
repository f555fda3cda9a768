import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { listStoresFor } from "@/lib/stores/stores";
import { Card, Notice, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Status" };

export default async function StatusPage() {
  const p = await requirePage("status");
  const t = await getTranslations("status");
  const stores = await listStoresFor(p);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="mb-4">
        <Notice>{t("notYet")}</Notice>
      </div>
      <Card title={t("stores")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b text-slate-600">
                <th scope="col" className="py-2 pr-4">{t("store")}</th>
                <th scope="col" className="py-2 pr-4">{t("timezone")}</th>
                <th scope="col" className="py-2">{t("verdict")}</th>
              </tr>
            </thead>
            <tbody>
              {stores.map((s) => (
                <tr key={s.id} className="border-b last:border-0">
                  <td className="py-2 pr-4">
                    <div className="font-medium">{s.name}</div>
                    <div className="font-mono text-xs text-slate-500">{s.id}</div>
                  </td>
                  <td className="py-2 pr-4">{s.timezone}</td>
                  <td className="py-2">
                    <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">{t("unknown")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
