import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { currentPrincipal } from "@/lib/auth/session";
import { navFor } from "@/lib/auth/navigation";
import { AppShell } from "@/components/shell/app-shell";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // Hiding links is presentation only: each page below checks the role itself.
  const p = await currentPrincipal();
  if (!p) redirect("/login");
  return (
    <AppShell nav={navFor(p)} email={p.label} role={p.role} simulator={env().SIMULATOR_MODE}>
      {children}
    </AppShell>
  );
}
