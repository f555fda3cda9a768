// A route segment's layout: the translations its client components need, and (where every page of the segment
// needs the same permission) the pages' own guard run here as well. A layout renders before the loading boundary
// below it streams, so a refused user gets HTTP 403 (or the sign-in redirect) instead of a 200 whose body later
// turns into the 403 page.
import { ClientMessages } from "@/components/i18n/client-messages";
import { requirePage } from "@/lib/auth/session";
import type { Action } from "@/lib/auth/permissions";
import type { ClientSegment } from "@/i18n/client-messages";

export function segmentLayout(segment: ClientSegment, guard?: Action) {
  return async function SegmentLayout({ children }: { children: React.ReactNode }) {
    if (guard) await requirePage(guard);
    return <ClientMessages segment={segment}>{children}</ClientMessages>;
  };
}
