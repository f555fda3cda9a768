"use client";
// The global banner: on every dashboard page, the signed-in user's stores that are degraded or out, each with a
// link to its runbook (and, where the user may, straight to taking a payment by link), and stores whose unstable
// link is back and being watched. It polls a small endpoint, so it appears and clears within seconds without a
// reload. On a page that shows verdicts it shows that page's reading and refreshes the page when the poll sees a
// change, so banner and page switch together instead of contradicting each other until the page's own refresh.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";

import type { BannerState, BannerStore } from "@/lib/status/banner";
import { usePublishedBanner } from "./banner-sync";
import { ReasonText } from "./reason-text";

/** Seconds between polls; the probes run every 15 s by default, so this adds little to the delay. */
const POLL_MS = 4_000;

const signature = (s: BannerState) => s.stores.map((x) => `${x.storeId}:${x.state}`).join(",");
const newest = (a: BannerState, b: BannerState | null) => (b && b.generatedAt > a.generatedAt ? b : a);

/** The newest banner state from the server; `onChange` when a poll finds one that differs from what is shown. */
function usePolledState(onChange: (next: BannerState) => boolean): BannerState | null {
  const [polled, setPolled] = useState<BannerState | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetch("/api/status/banner", { cache: "no-store" });
        if (res.ok && !stopped) {
          const next = (await res.json()) as BannerState;
          if (changed.current(next)) setPolled(next);
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
  }, []);
  return polled;
}

export function StatusBanner({ initial }: { initial: BannerState }) {
  const router = useRouter();
  const page = usePublishedBanner();
  const fromServer = newest(initial, page);
  const refreshedFor = useRef<string | null>(null);
  // A page that shows verdicts changes with the banner: re-render it, and show what it then says. Elsewhere the
  // banner is all there is to update.
  const polled = usePolledState((next) => {
    if (!page) return true;
    const sig = signature(next);
    if (sig !== signature(fromServer) && sig !== refreshedFor.current) {
      refreshedFor.current = sig;
      router.refresh();
    }
    return false;
  });
  const shown = page ? fromServer : newest(fromServer, polled);
  return <BannerView state={shown} />;
}

const TONE = {
  outage: { box: "border-red-700 bg-red-50 text-red-950", button: "bg-red-700 hover:bg-red-800" },
  degraded: { box: "border-amber-600 bg-amber-50 text-amber-950", button: "bg-amber-700 hover:bg-amber-800" },
  watching: { box: "border-sky-700 bg-sky-50 text-sky-950", button: "bg-sky-800 hover:bg-sky-900" },
} as const;

function BannerView({ state }: { state: BannerState }) {
  const t = useTranslations("banner");
  const stores = state.stores;
  const worst = stores[0]?.state ?? "watching";
  const alarming = worst !== "watching";
  // The live region stays in the page so screen readers announce what appears in it.
  return (
    <div aria-live={alarming ? "assertive" : "polite"} aria-atomic="true" className="empty:hidden">
      {stores.length > 0 ? (
        <section
          role={alarming ? "alert" : "status"}
          aria-label={t(alarming ? "label" : "noticeLabel")}
          className={`border-b-2 px-4 py-3 text-sm md:px-8 ${TONE[worst].box}`}
        >
          <ul className="mx-auto flex max-w-6xl flex-col gap-3">
            {stores.map((s) => (
              <BannerLine key={s.storeId} s={s} renderedAt={state.generatedAt} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function BannerLine({ s, renderedAt }: { s: BannerStore; renderedAt: string }) {
  const t = useTranslations("banner");
  const format = useFormatter();
  const button = `inline-flex min-h-11 shrink-0 items-center justify-center rounded-md px-4 py-2 font-medium text-white ${TONE[s.state].button}`;
  const secondary =
    "inline-flex min-h-11 shrink-0 items-center justify-center rounded-md border border-current bg-white px-4 py-2 font-medium";
  return (
    <li className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
      <p className="min-w-0">
        <strong className="font-semibold">{t(s.state, { store: s.name })}</strong>{" "}
        {s.since && s.state !== "watching" ? (
          <span>{t("since", { time: format.dateTime(new Date(s.since), { timeStyle: "short" }) })} </span>
        ) : null}
        <span className="break-words">
          <ReasonText reason={s.why} renderedAt={renderedAt} />
        </span>
      </p>
      <div className="flex flex-wrap gap-2">
        {s.canTakeLink ? (
          <Link
            href={`/runbook/${s.storeId}?take=link#pay-by-link`}
            aria-label={t("takeLinkIn", { store: s.name })}
            className={button}
          >
            {t("takeLink")}
          </Link>
        ) : null}
        <Link
          href={s.target === "runbook" ? `/runbook/${s.storeId}` : "/status"}
          className={s.canTakeLink ? secondary : button}
        >
          {t(s.target === "runbook" ? "runbook" : "statusPanel", { store: s.name })}
        </Link>
      </div>
    </li>
  );
}
