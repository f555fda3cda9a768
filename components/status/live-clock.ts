"use client";
// One clock for every live duration on the page: a tick a second while something shows one. Until the page is
// hydrated, the time the server rendered it, so the first render in the browser says what the HTML says.
import { useSyncExternalStore } from "react";

const TICK_MS = 1_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Milliseconds since the epoch, ticking while `live`; `renderedAt` (the server's time) before hydration. */
export function useNow(renderedAt: string, live = true): number {
  const server = Date.parse(renderedAt);
  return useSyncExternalStore(
    live ? subscribe : noSubscription,
    () => (live ? now : server),
    () => server,
  );
}

const noSubscription = () => () => undefined;
