import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto max-w-lg p-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Link href="/status" className="mt-4 inline-block text-brand-700 underline">
        {t("back")}
      </Link>
    </main>
  );
}
