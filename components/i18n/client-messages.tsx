// The translations a route segment's client components need (../../i18n/client-messages), and no others.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, segmentNamespaces, type ClientSegment } from "@/i18n/client-messages";

export async function ClientMessages({
  segment,
  children,
}: {
  segment: ClientSegment | null;
  children: React.ReactNode;
}) {
  const messages = pickMessages(await getMessages(), segmentNamespaces(segment));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
