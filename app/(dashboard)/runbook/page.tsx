import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { Notice, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Runbook" };

export default async function Page() {
  await requirePage("runbook");
  const t = await getTranslations("runbook");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Notice>{t("notYet")}</Notice>
    </>
  );
}
