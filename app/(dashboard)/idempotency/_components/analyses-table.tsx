"use client";
// The latest analyses, newest first, live: while one waits or runs (or an upload is on its way) the list is read
// again every 2 s, so a waiting upload shows its place, a running one its progress, and an ended one how it ended.
// Its uploader or an admin cancels a waiting or running analysis, or deletes one that ended.
import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Cell, Row, SimpleTable } from "@/components/ui/simple-table";
import type { AnalysisListItem } from "@/lib/idempotency";
import { analysisHref, linkClass, percent } from "./styles";
import { UPLOAD_EVENT } from "./send-files";

const POLL_MS = 2_000;
/** With nothing waiting or running here, analyses started elsewhere (the API, the CLI) still show up. */
const IDLE_POLL_MS = 10_000;
const ACTIVE = new Set(["queued", "running"]);
const smallButton =
  "inline-flex min-h-9 items-center rounded border border-slate-300 bg-white px-2 text-xs font-medium hover:bg-slate-100 disabled:text-slate-400";

export function AnalysesTable({ initial, selected }: { initial: AnalysisListItem[]; selected: string | null }) {
  const t = useTranslations("idempotency");
  const format = useFormatter();
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A server refresh brings a new list: it replaces what polling had (adjusted while rendering, as React advises).
  const [given, setGiven] = useState(initial);
  if (given !== initial) {
    setGiven(initial);
    setItems(initial);
  }

  const reload = useCallback(async () => {
    const res = await fetch("/api/v1/idempotency/analyses", { cache: "no-store" }).catch(() => null);
    if (!res?.ok) return;
    const body = (await res.json()) as { items: AnalysisListItem[] };
    const ended = items.some(
      (a) => ACTIVE.has(a.status) && !body.items.some((b) => b.id === a.id && ACTIVE.has(b.status)),
    );
    setItems(body.items.slice(0, initial.length > 20 ? initial.length : 20));
    // One ended: the rest of the page (trend, summary) follows.
    if (ended) router.refresh();
  }, [items, initial.length, router]);

  useEffect(() => {
    const onUpload = (e: Event) => setUploading((e as CustomEvent<boolean>).detail);
    window.addEventListener(UPLOAD_EVENT, onUpload);
    return () => window.removeEventListener(UPLOAD_EVENT, onUpload);
  }, []);

  const live = uploading || items.some((a) => ACTIVE.has(a.status));
  useEffect(() => {
    const timer = setInterval(
      () => {
        if (document.visibilityState === "visible") void reload();
      },
      live ? POLL_MS : IDLE_POLL_MS,
    );
    return () => clearInterval(timer);
  }, [live, reload]);

  async function act(a: AnalysisListItem, what: "cancel" | "delete") {
    if (what === "delete" && !window.confirm(t("analyses.confirmDelete"))) return;
    setBusy(a.id);
    setError(null);
    const res = await fetch(
      what === "cancel" ? `/api/v1/idempotency/analyses/${a.id}/cancel` : `/api/v1/idempotency/analyses/${a.id}`,
      { method: what === "cancel" ? "POST" : "DELETE" },
    ).catch(() => null);
    setBusy(null);
    if (!res?.ok) {
      const body = (await res?.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? t("upload.networkError"));
      return;
    }
    await reload();
    if (what === "delete") router.refresh();
  }

  if (items.length === 0) return <p className="text-sm text-slate-600">{t("analyses.none")}</p>;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="grid gap-2">
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <SimpleTable
        caption={t("analyses.title")}
        columns={[
          { label: t("analyses.when") },
          { label: t("analyses.source") },
          { label: t("analyses.status") },
          { label: t("analyses.entries"), align: "right" },
          { label: t("analyses.adyen"), align: "right" },
          { label: t("analyses.findings"), align: "right" },
          { label: t("analyses.readiness"), align: "right" },
          { label: t("analyses.actions"), hidden: true },
        ]}
      >
        {items.map((a) => {
          const done = a.status === "complete" || a.status === "incomplete";
          return (
            <Row key={a.id}>
              <Cell className="whitespace-nowrap">
                {a.id === selected ? (
                  <span aria-current="true" className="font-semibold">
                    {when(a.createdAt)}
                  </span>
                ) : done ? (
                  <Link href={analysisHref(a.id)} className={linkClass} prefetch={false}>
                    {when(a.createdAt)}
                  </Link>
                ) : (
                  when(a.createdAt)
                )}
              </Cell>
              <Cell className="max-w-64 break-words">
                {a.source || t(`analyses.kind.${a.kind}`)}
                <span className="block text-xs text-slate-600">
                  {t(`analyses.kind.${a.kind}`)} · {a.createdBy}
                </span>
              </Cell>
              <Cell className="min-w-40">
                <StatusText a={a} />
              </Cell>
              <Cell className="text-right tabular-nums">{format.number(a.entries)}</Cell>
              <Cell className="text-right tabular-nums">{done ? format.number(a.adyenRequests) : "—"}</Cell>
              <Cell className="text-right tabular-nums">{done ? format.number(a.findingsTotal) : "—"}</Cell>
              <Cell className="text-right tabular-nums">{a.readiness === null ? "—" : percent(a.readiness)}</Cell>
              <Cell className="whitespace-nowrap">
                {a.canManage && ACTIVE.has(a.status) ? (
                  <button
                    type="button"
                    className={smallButton}
                    disabled={busy === a.id || a.cancelRequested}
                    onClick={() => void act(a, "cancel")}
                  >
                    {a.cancelRequested ? t("analyses.cancelling") : t("analyses.cancel")}
                  </button>
                ) : a.canManage ? (
                  <button
                    type="button"
                    className={smallButton}
                    disabled={busy === a.id}
                    onClick={() => void act(a, "delete")}
                    aria-label={t("analyses.deleteOne", { when: when(a.createdAt) })}
                  >
                    {t("analyses.delete")}
                  </button>
                ) : null}
              </Cell>
            </Row>
          );
        })}
      </SimpleTable>
    </div>
  );
}

function StatusText({ a }: { a: AnalysisListItem }) {
  const t = useTranslations("idempotency");
  const format = useFormatter();
  const mb = format.number(a.bytesRead / 1024 / 1024, { maximumFractionDigits: 1 });
  const name = t(`analyses.statusName.${a.status}`);
  const detail =
    a.status === "queued"
      ? a.position !== null
        ? t("analyses.place", { n: a.position })
        : null
      : a.status === "running"
        ? t("analyses.progress", { mb, entries: a.entries })
        : a.reason
          ? t.has(`outcome.${a.reason.code}`)
            ? t(`outcome.${a.reason.code}`, a.reason.params)
            : a.reason.message
          : null;
  const tone = a.status === "failed" ? "text-red-800" : a.status === "complete" ? "text-emerald-800" : "text-slate-700";
  return (
    <span className={tone} aria-live={ACTIVE.has(a.status) ? "polite" : undefined}>
      <span className="font-medium">{name}</span>
      {detail ? <span className="block text-xs">{detail}</span> : null}
    </span>
  );
}
