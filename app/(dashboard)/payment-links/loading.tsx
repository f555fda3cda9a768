import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <p role="status" className="p-4 text-slate-600">
      {t("loading")}
    </p>
  );
}
