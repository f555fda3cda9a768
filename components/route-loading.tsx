// What a page shows while its data loads (its loading.tsx): one line, announced politely.
import { getTranslations } from "next-intl/server";

export async function RouteLoading({ namespace = "common" }: { namespace?: "common" | "status" }) {
  const t = await getTranslations(namespace);
  return (
    <p role="status" className="p-4 text-slate-600">
      {t("loading")}
    </p>
  );
}
