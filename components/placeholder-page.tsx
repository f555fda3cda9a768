// A capability that a later change builds: says so honestly instead of showing made-up data.
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { Notice, PageHeader } from "@/components/ui/card";

export async function PlaceholderPage({ area }: { area: "runbook" | "idempotency" }) {
  await requirePage(`${area}.read`);
  const t = await getTranslations(area);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <Notice>{t("notYet")}</Notice>
    </>
  );
}
