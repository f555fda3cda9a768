import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentPrincipal } from "@/lib/auth/session";

export default async function Forbidden() {
  const t = await getTranslations();
  const p = await currentPrincipal();
  return (
    // Shown inside the dashboard's own <main>: a section, not a second main landmark.
    <section className="mx-auto max-w-lg p-4 md:p-8" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title" className="text-2xl font-semibold">
        {t("forbidden.title")}
      </h1>
      <p className="mt-2 text-slate-700">{t("forbidden.body", { role: p ? t(`roles.${p.role}`) : "—" })}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        {t("forbidden.back")}
      </Link>
    </section>
  );
}
