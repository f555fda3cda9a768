"use client";
// A verdict's reason in the reader's language, from its codes (messages: statusReason.*), with its durations
// counting up from when they began ("all 9 terminals not connected for 47 s" a second later says 48 s).
import { useFormatter, useTranslations } from "next-intl";
import { isLive, renderDuration, renderReason, type Reason } from "@/lib/status/verdicts/reason";
import { useNow } from "./live-clock";

function useReasonFormat(renderedAt: string, live: boolean) {
  const t = useTranslations("statusReason");
  const format = useFormatter();
  const now = useNow(renderedAt, live);
  return {
    message: (key: string, values: Record<string, string | number>) => t(key as "text", values),
    time: (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" }),
    now,
  };
}

export function ReasonText({ reason, renderedAt }: { reason: Reason; renderedAt: string }) {
  const f = useReasonFormat(renderedAt, isLive(reason));
  return <>{renderReason(reason, f)}</>;
}

/** How long ago `since` was, counting up ("for 3 min" in the caller's words). */
export function LiveDuration({ since, renderedAt }: { since: string; renderedAt: string }) {
  const f = useReasonFormat(renderedAt, true);
  return <>{renderDuration(f.now - Date.parse(since), f)}</>;
}
