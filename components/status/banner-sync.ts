"use client";
// A page that shows verdicts (the status panel, a runbook) publishes the banner state of its own status snapshot
// here, so the banner above it shows that same reading: on a navigation only the page is rendered anew, not the
// layout that holds the banner. Published before paint, so no frame shows the two disagreeing.
import { useLayoutEffect, useSyncExternalStore } from "react";
import type { BannerState } from "@/lib/status/banner";

let published: BannerState | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The banner state of the page now shown, or null when that page shows no verdicts. */
export function usePublishedBanner(): BannerState | null {
  return useSyncExternalStore(
    subscribe,
    () => published,
    () => null,
  );
}

export function PublishBanner({ state }: { state: BannerState }) {
  useLayoutEffect(() => {
    published = state;
    notify();
    return () => {
      if (published === state) {
        published = null;
        notify();
      }
    };
  }, [state]);
  return null;
}
