"use client";
// Copies an evidence id for a manual match on another row; the id stays visible for copying by hand too.
import { useState } from "react";
import { useTranslations } from "next-intl";

export function CopyButton({ text, describedBy }: { text: string; describedBy?: string }) {
  const t = useTranslations("recon.detail");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-describedby={describedBy}
      onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
      className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100"
    >
      <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
    </button>
  );
}
