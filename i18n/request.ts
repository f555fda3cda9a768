// Locale per user from a cookie (no locale in the URL: staff share links across languages).
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale, type Locale } from "@/i18n/locales";

function fromAcceptLanguage(value: string | null): Locale | undefined {
  const first = value?.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "de" ? "de" : undefined;
}

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = cookie ? toLocale(cookie) : (fromAcceptLanguage((await headers()).get("accept-language")) ?? "en");
  const messages = (await import(`../messages/${locale}.json`)) as { default: Record<string, unknown> };
  return { locale, messages: messages.default, timeZone: "Europe/Berlin" };
});
