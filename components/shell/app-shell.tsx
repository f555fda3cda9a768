// The signed-in frame: navigation for what the role may use, the global status banner slot, language and
// simulator badge. It only renders what it is given; the layout did the checks.
import { getTranslations } from "next-intl/server";
import type { NavEntry } from "@/lib/auth/navigation";
import type { Role } from "@/lib/auth/roles";
import { LocaleSwitch } from "@/components/locale-switch";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/** An e-mail address with places to wrap before its "@" and after each dot, where a reader expects a break. */
function breakable(email: string): React.ReactNode[] {
  return email.split(/(?=@)|(?<=\.)/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

export async function AppShell(props: {
  nav: readonly NavEntry[];
  email: string;
  role: Role;
  simulator: boolean;
  banner?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  const items = props.nav.map((e) => ({ href: e.href, label: t(`nav.${e.label}`) }));
  // Words are never broken mid-word: an address may wrap only after its "@" or a dot, the role stays whole.
  const who = t.rich("nav.signedInAs", {
    address: props.email,
    roleName: t(`roles.${props.role}`),
    email: () => <span className="break-words">{breakable(props.email)}</span>,
    role: (chunks) => <span className="whitespace-nowrap">{chunks}</span>,
  });
  const badge = props.simulator ? (
    <span
      title={t("app.simulatorHint")}
      className="rounded-full bg-amber-200 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900"
    >
      {t("app.simulator")}
    </span>
  ) : null;
  return (
    <div className="min-h-screen md:flex">
      <a href="#main" className="sr-only-focusable absolute left-2 top-2 z-50 rounded bg-white px-3 py-2 shadow">
        {t("app.skipToContent")}
      </a>
      <header className="relative border-b border-slate-200 bg-white md:min-h-screen md:w-60 md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-2 p-3 md:flex-col md:items-start">
          <div className="flex items-center gap-2">
            <span className="text-lg font-semibold">{t("app.name")}</span>
            {badge}
          </div>
          <details className="group md:hidden">
            <summary className="min-h-11 cursor-pointer list-none rounded-md border border-slate-300 px-3 py-2 text-sm">
              {t("nav.menu")}
            </summary>
            {/* Out of the layout while closed: Chromium lays a closed panel out beside the button, past the screen. */}
            <div className="absolute left-0 right-0 top-full z-40 hidden border-b group-open:block border-slate-200 bg-white p-3 shadow-lg">
              <NavLinks items={items} label={t("nav.menu")} />
              <div className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t pt-3">
                <LocaleSwitch />
                <SignOutButton label={t("nav.signOut")} />
              </div>
            </div>
          </details>
        </div>
        <div className="hidden p-3 md:block">
          <NavLinks items={items} label={t("nav.menu")} />
          <div className="mt-6 flex flex-col gap-3 border-t pt-4 text-sm">
            <p className="text-slate-600">{who}</p>
            <LocaleSwitch />
            <SignOutButton label={t("nav.signOut")} />
          </div>
        </div>
      </header>
      {/* min-w-0: wide content (tables) scrolls inside its card instead of widening the page on phones. */}
      <div className="min-w-0 flex-1">
        {props.banner}
        <main id="main" className="mx-auto max-w-6xl p-4 md:p-8">
          {props.children}
        </main>
      </div>
    </div>
  );
}
