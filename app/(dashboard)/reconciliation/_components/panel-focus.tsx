"use client";
// Moves keyboard focus to the detail panel's heading when another item opens, so screen reader and keyboard
// users land in the panel instead of staying on the row link they used; Escape closes the panel (as its Close
// link does), unless something inside it took the key first (an open select, a browser's own use of it).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function PanelFocus({ targetId, itemKey, closeHref }: { targetId: string; itemKey: string; closeHref: string }) {
  const router = useRouter();
  useEffect(() => {
    document.getElementById(targetId)?.focus({ preventScroll: window.matchMedia("(min-width: 1024px)").matches });
  }, [targetId, itemKey]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || e.isComposing) return;
      router.push(closeHref, { scroll: false });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [closeHref, router]);
  return null;
}
