import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { currentPrincipal } from "@/lib/auth/session";
import { navFor } from "@/lib/auth/navigation";
import { can } from "@/lib/auth/permissions";
import { getBannerState } from "@/lib/status";
import { AppShell } from "@/components/shell/app-shell";
import { StatusBanner } from "@/components/status/status-banner";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // Hiding links is presentation only: each page below checks the role itself.
  const p = await currentPrincipal();
  if (!p) redirect("/login");
  // The banner comes with the page, from the same status snapshot as the page below; it then polls for changes.
  // A status read that fails must not break pages.
  const banner = can(p, "status.read")
    ? await getBannerState(p).catch(() => ({ generatedAt: new Date(0).toISOString(), stores: [] }))
    : null;
  return (
    <AppShell
      nav={navFor(p)}
      email={p.label}
      role={p.role}
      simulator={env().SIMULATOR_MODE}
      banner={banner ? <StatusBanner initial={banner} /> : null}
    >
      {children}
    </AppShell>
  );
}
