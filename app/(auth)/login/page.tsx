import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { currentPrincipal } from "@/lib/auth/session";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { LocaleSwitch } from "@/components/locale-switch";
import { Suspense } from "react";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await currentPrincipal()) redirect("/");
  const t = await getTranslations("login");
  const tRoles = await getTranslations("roles");
  const e = env();
  const demo = e.SIMULATOR_MODE ? DEMO_USERS : [];
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-4">
      <div className="flex justify-end">
        <LocaleSwitch />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
        <Suspense>
          <LoginForm hasSso={Boolean(e.OIDC_ISSUER)} />
        </Suspense>
      </section>
      {demo.length > 0 ? (
        <section className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" aria-labelledby="demo-title">
          <h2 id="demo-title" className="font-semibold">
            {t("demoTitle")}
          </h2>
          <p className="mb-2 text-slate-700">{t("demoHint")}</p>
          <ul className="space-y-1">
            {demo.map((u) => (
              <li key={u.email}>
                <span className="font-medium">{tRoles(u.role)}</span>: <code>{u.email}</code> /{" "}
                <code>{u.password}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
