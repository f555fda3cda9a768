"use client";
// The global banner: on every dashboard page, the signed-in user's stores that are degraded or out, each with a
// link to its runbook. It polls a small endpoint, so it appears and clears within seconds without a reload.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";

import type { BannerStore } from "@/lib/status";

/** Seconds between polls; the probes run every 15 s by default, so this adds little to the delay. */
const POLL_MS = 4_000;

const signature = (stores: BannerStore[]) => stores.map((s) => `${s.storeId}:${s.state}`).join(",");

function usePolledStores(initial: BannerStore[]): BannerStore[] {
  const [stores, setStores] = useState(initial);
  const router = useRouter();
  const shown = useRef(signature(initial));
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetch("/api/status/banner", { cache: "no-store" });
        if (res.ok && !stopped) {
          const next = ((await res.json()) as { stores: BannerStore[] }).stores;
          setStores(next);
          // A store changed state: the page below (the status table, a runbook) re-renders now, so it never
          // contradicts the banner until its own refresh.
          if (signature(next) !== shown.current) {
            shown.current = signature(next);
            router.refresh();
          }
        }
      } catch {
        // Offline for a moment: keep what is shown and try again.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") {
        clearTimeout(timer);
        void poll();
      }
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router]);
  return stores;
}

export function StatusBanner({ initial }: { initial: BannerStore[] }) {
  const t = useTranslations("banner");
  const format = useFormatter();
  const stores = usePolledStores(initial);
  const outage = stores.some((s) => s.state === "outage");
  // The live region stays in the page so screen readers announce what appears in it.
  return (
    <div aria-live="assertive" aria-atomic="true" className="empty:hidden">
      {stores.length > 0 ? (
        <section
          role="alert"
          aria-label={t("label")}
          className={`border-b-2 px-4 py-3 text-sm md:px-8 ${outage ? "border-red-700 bg-red-50 text-red-950" : "border-amber-600 bg-amber-50 text-amber-950"}`}
        >
          <ul className="mx-auto flex max-w-6xl flex-col gap-2">
            {stores.map((s) => (
              <li key={s.storeId} className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <p className="min-w-0">
                  <strong className="font-semibold">
                    {t(s.state === "outage" ? "outage" : "degraded", { store: s.name })}
                  </strong>{" "}
                  {s.since ? (
                    <span>{t("since", { time: format.dateTime(new Date(s.since), { timeStyle: "short" }) })} </span>
                  ) : null}
                  <span className="break-words">{s.reason}</span>
                </p>
                <Link
                  href={s.target === "runbook" ? `/runbook/${s.storeId}` : "/status"}
                  className={`inline-flex min-h-11 shrink-0 items-center justify-center rounded-md px-4 py-2 font-medium text-white ${outage ? "bg-red-700 hover:bg-red-800" : "bg-amber-700 hover:bg-amber-800"}`}
                >
                  {t(s.target === "runbook" ? "runbook" : "statusPanel", { store: s.name })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
