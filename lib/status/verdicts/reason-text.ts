// The English text of a reason, for what has no reader's language: the public API, alert messages and logs. Rendered
// from messages/en.json, the same messages the English pages use, so the words are written once.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import { renderDuration, renderReason, type Reason } from "./reason";

const t = createTranslator({ locale: "en", messages: en, namespace: "statusReason" });
const message = (key: string, values: Record<string, string | number>) =>
  (t as unknown as (k: string, v: Record<string, string | number>) => string)(key, values);

/** "2026-11-29 10:00 UTC": a time readers in any zone read the same way. */
export function utcMinute(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function reasonText(reason: Reason, now: Date | string): string {
  return renderReason(reason, { message, time: (iso) => utcMinute(new Date(iso)), now: new Date(now).getTime() });
}

/** "40 s", "3 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  return renderDuration(ms, { message });
}
