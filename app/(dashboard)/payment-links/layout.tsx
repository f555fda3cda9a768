// The page's own guard, run here as well: a layout renders before the loading boundary below it streams, so a
// refused user gets HTTP 403 (or the sign-in redirect) instead of a 200 whose body later turns into the 403 page.
import { requirePage } from "@/lib/auth/session";

export default async function GuardedLayout({ children }: { children: React.ReactNode }) {
  await requirePage("links.read");
  return children;
}
