"use client";
// Re-renders the page's server components every few seconds while something on it is live (an open payment link,
// a running sync), so staff see the change without reloading. Pauses while the tab is hidden.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function LiveRefresh({ active, intervalMs = 4_000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
