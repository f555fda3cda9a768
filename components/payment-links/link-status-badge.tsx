"use client";
// A payment link's status in words: "completed" (Adyen's word for a paid single-use link) reads as paid.
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const LOOK: Record<string, { tone: BadgeTone; symbol: string }> = {
  creating: { tone: "info", symbol: "…" },
  active: { tone: "info", symbol: "○" },
  paymentPending: { tone: "warn", symbol: "◐" },
  completed: { tone: "ok", symbol: "✓" },
  paid: { tone: "ok", symbol: "✓" },
  expired: { tone: "neutral", symbol: "⌛" },
  failed: { tone: "bad", symbol: "!" },
};

export function LinkStatusBadge({ status }: { status: string }) {
  const t = useTranslations("links.status");
  const look = LOOK[status] ?? { tone: "neutral" as const, symbol: "•" };
  return (
    <Badge tone={look.tone} symbol={look.symbol}>
      {t.has(status) ? t(status) : status}
    </Badge>
  );
}
