import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("status");
  return (
    <p role="status" className="text-slate-600">
      {t("loading")}
    </p>
  );
}
