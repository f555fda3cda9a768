import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { Notice, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Reconciliation" };

export default async function Page() {
  await requirePage("reconciliation");
  const t = await getTranslations("reconciliation");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Notice>{t("notYet")}</Notice>
    </>
  );
}
