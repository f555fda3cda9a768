import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentPrincipal } from "@/lib/auth/session";

export default async function Forbidden() {
  const t = await getTranslations();
  const p = await currentPrincipal();
  return (
    <main className="mx-auto max-w-lg p-8">
      <h1 className="text-2xl font-semibold">{t("forbidden.title")}</h1>
      <p className="mt-2 text-slate-700">{t("forbidden.body", { role: p ? t(`roles.${p.role}`) : "—" })}</p>
      <Link href="/status" className="mt-4 inline-block text-brand-700 underline">
        {t("forbidden.back")}
      </Link>
    </main>
  );
}
