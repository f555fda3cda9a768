"use server";
// Anyone, signed in or not, may choose the display language: it only sets their own cookie.
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/i18n/locales";

export async function setLocale(value: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(value), { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}
