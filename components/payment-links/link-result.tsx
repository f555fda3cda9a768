"use client";
// A created payment link for the customer: live status, QR code, the URL, copy, print and open. Polls the link
// while it is open, so "paid" shows up here without a reload. Keyed by the link's id where it is rendered, so a new
// link starts fresh.
import { useEffect, useRef, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMinor } from "@/lib/money";
import type { PaymentLinkView } from "@/lib/runbook/payment-links/view";
import { Button } from "@/components/ui/button";
import { LinkStatusBadge } from "./link-status-badge";
import { QrCode } from "./qr-code";

const OPEN = new Set(["creating", "active", "paymentPending"]);
const POLL_MS = 3_000;

/** `headingLevel`: 2 where the link is the page's subject (under its h1), 3 inside a form's section. */
export function LinkResult({ initial, headingLevel = 3 }: { initial: PaymentLinkView; headingLevel?: 2 | 3 }) {
  const t = useTranslations("links.result");
  const locale = useLocale();
  const format = useFormatter();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [link, setLink] = useState(initial);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // A new link is what the manager came for: bring it into view (below the form on a phone) and announce it.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    heading.current?.focus({ preventScroll: true });
  }, []);
  const open = OPEN.has(link.status);

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(async () => {
      if (document.visibilityState !== "visible") return;
      const res = await fetch(`/api/v1/payment-links/${link.id}`, { cache: "no-store" }).catch(() => null);
      if (res?.ok) setLink((await res.json()) as PaymentLinkView);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [open, link.id]);

  const amount = formatMinor(link.amount.value, link.amount.currency, locale);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const paid = link.status === "completed" || link.status === "paid";
  return (
    <section
      aria-labelledby={`link-${link.id}`}
      className="print-area flex w-full flex-col items-center gap-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <Heading ref={heading} tabIndex={-1} id={`link-${link.id}`} className="text-center text-lg font-semibold">
        {t("title", { amount, reference: link.reference })}
      </Heading>
      <div role="status" aria-live="polite" className="flex items-center gap-2 text-sm">
        <span className="text-slate-600">{t("status")}</span>
        <LinkStatusBadge status={link.status} />
      </div>
      {paid ? <p className="text-center text-2xl font-bold text-emerald-800">{t("paid", { amount })}</p> : null}
      {link.status === "creating" ? <p className="text-center text-sm text-slate-700">{t("creating")}</p> : null}
      {link.status === "failed" ? (
        <p className="text-center text-sm text-red-800">{link.problem ?? t("failed")}</p>
      ) : null}
      {link.url && !paid && link.status !== "expired" ? (
        <>
          <QrCode value={link.url} label={t("qrLabel", { amount })} />
          <p className="text-center text-sm text-slate-700">{t("scanHint")}</p>
          <p
            className="w-full break-all rounded bg-slate-100 px-2 py-1 text-center font-mono text-xs"
            data-testid="link-url"
          >
            {link.url}
          </p>
          <div className="flex flex-wrap justify-center gap-2 print:hidden">
            <Button
              type="button"
              variant="secondary"
              onClick={() => void navigator.clipboard.writeText(link.url ?? "").then(() => setCopied(true))}
            >
              <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
            </Button>
            <Button type="button" variant="secondary" onClick={() => window.print()}>
              {t("print")}
            </Button>
            <a
              href={link.url}
              target="_blank"
              rel="noreferrer"
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100"
            >
              {t("open")}
            </a>
          </div>
        </>
      ) : null}
      <LinkEnd link={link} when={when} t={t} />
    </section>
  );
}

/**
 * How the link's life ends: its expiry while it can be paid, when it was paid, or that it can no longer be paid
 * (an expired link says so, never a time it would still expire at).
 */
function LinkEnd(props: {
  link: PaymentLinkView;
  when: (iso: string) => string;
  t: (key: string, values?: Record<string, string>) => string;
}) {
  const { link, when, t } = props;
  const text =
    link.status === "expired"
      ? t("expired")
      : (link.status === "completed" || link.status === "paid") && link.paidAt
        ? t("paidAt", { at: when(link.paidAt) })
        : OPEN.has(link.status)
          ? t("expires", { at: when(link.expiresAt) })
          : null;
  return text ? <p className="text-xs text-slate-600">{text}</p> : null;
}
