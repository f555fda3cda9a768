"use server";
// Anyone, signed in or not, may choose the display language: it only sets their own cookie.
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/i18n/locales";

export async function setLocale(value: string): Promise<void> {
  // X-Forwarded-Proto is the socket's own unless a trusted proxy set it (lib/http/client-address.ts).
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(LOCALE_COOKIE, toLocale(value), {
    path: "/",
    sameSite: "lax",
    secure,
    maxAge: 365 * 24 * 3600,
  });
}
