import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";

export const metadata: Metadata = { title: "Runbook" };

export default function Page() {
  return <PlaceholderPage area="runbook" />;
}
