"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const noSubscription = () => () => undefined;

export function LoginForm({ hasSso }: { hasSso: boolean }) {
  const t = useTranslations("login");
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Until the page is interactive a click would submit the plain form; keep the button off until then.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    setPending(false);
    if (res?.ok) {
      router.replace(safeCallbackPath(params?.get("callbackUrl")));
      router.refresh();
      return;
    }
    setError(
      res?.error === "throttled"
        ? t("throttled")
        : res?.error === "busy"
          ? t("busy")
          : res?.error === "invalid" || res?.error === "CredentialsSignin"
            ? t("invalid")
            : t("failed"),
    );
  }

  return (
    // method="post": even a submit that bypasses onSubmit never puts the password into the URL.
    <form onSubmit={onSubmit} method="post" className="flex flex-col gap-4" noValidate>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("email")}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="rounded-md border border-slate-300 px-3 py-2 text-base"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("password")}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="rounded-md border border-slate-300 px-3 py-2 text-base"
        />
      </label>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="submit" disabled={pending || !ready}>
        {pending ? t("submitting") : t("submit")}
      </Button>
      {hasSso ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() => void signIn("oidc", { callbackUrl: safeCallbackPath(params?.get("callbackUrl")) })}
        >
          {t("sso")}
        </Button>
      ) : null}
    </form>
  );
}
