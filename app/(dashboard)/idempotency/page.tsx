import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/placeholder-page";

export const metadata: Metadata = { title: "Idempotency migration" };

export default function Page() {
  return <PlaceholderPage area="idempotency" />;
}
