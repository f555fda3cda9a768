"use client";
// Where a manager lands on a store's runbook: its heading (so a screen reader starts there), or, when they came to
// take a payment by link (the banner's button: `?take=link`), the Pay by Link form, open and in view with the
// amount field focused, so the QR code is a few taps away on a phone without scrolling.
import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export const PAY_BY_LINK_ID = "pay-by-link";

function openPayByLink(): void {
  const card = document.getElementById(PAY_BY_LINK_ID);
  if (!(card instanceof HTMLDetailsElement)) return;
  card.open = true;
  card.scrollIntoView({ block: "start" });
  card.querySelector<HTMLInputElement>("input[name=amount]")?.focus({ preventScroll: true });
}

export function RunbookArrival({ headingId }: { headingId: string }) {
  const take = useSearchParams()?.get("take");
  useEffect(() => {
    if (take === "link") openPayByLink();
    else document.getElementById(headingId)?.focus({ preventScroll: true });
  }, [take, headingId]);
  return null;
}

/** Near the top of the runbook: straight to the Pay by Link form, whatever fallback comes first for the store. */
export function TakeLinkButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" onClick={openPayByLink}>
      {label}
    </Button>
  );
}
