"use client";
// Moves keyboard focus to the detail panel's heading when another item opens, so screen reader and keyboard
// users land in the panel instead of staying on the row link they used.
import { useEffect } from "react";

export function PanelFocus({ targetId, itemKey }: { targetId: string; itemKey: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus({ preventScroll: window.matchMedia("(min-width: 1024px)").matches });
  }, [targetId, itemKey]);
  return null;
}
