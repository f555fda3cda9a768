// The store's runbook guard, run before the loading boundary of this segment streams (see ../layout.tsx): a
// manager of another store gets HTTP 403, not a 200 that later shows the 403 page.
import { requirePage } from "@/lib/auth/session";

export default async function StoreGuardedLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ storeId: string }>;
}) {
  await requirePage("runbook.read", { storeId: (await params).storeId });
  return children;
}
