// This dashboard's records as the inputs of an analysis, read page by page from the database by the analysis
// process: its own recorded Adyen calls and each stored PROCESS_RETRY webhook as the delivery it was.
import { db } from "@/lib/db";
import type { TrafficInput } from "@/lib/idempotency/analyze";
import { headerMap } from "@/lib/idempotency/headers";
import type { Exchange } from "@/lib/idempotency/types";

const PAGE = 1_000;

async function* recordedExchanges(): AsyncGenerator<Exchange> {
  let after = 0n;
  for (;;) {
    const rows = await db().adyenExchange.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    for (const r of rows) {
      yield {
        time: r.at.getTime(),
        method: r.method,
        url: r.url,
        requestHeaders: headerMap(r.requestHeaders),
        requestBody: r.requestBody ?? undefined,
        status: r.status,
        responseHeaders: headerMap(r.responseHeaders),
        responseBody: r.responseBody ?? undefined,
        durationMs: r.durationMs,
        client: r.client,
        origin: { file: "recorded Adyen calls", entry: Number(r.id) },
      };
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)?.id ?? after;
  }
}

/** Each stored PROCESS_RETRY item as the notification delivery it was, so the same rule reads it. */
async function* storedProcessRetryWebhooks(): AsyncGenerator<Exchange> {
  let after = 0n;
  for (;;) {
    const rows = await db().paymentEvent.findMany({
      where: { eventCode: "PROCESS_RETRY", id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, live: true, raw: true, receivedAt: true },
    });
    for (const r of rows) {
      yield {
        time: r.receivedAt.getTime(),
        method: "POST",
        url: "stored-webhook://payment_events",
        requestHeaders: {},
        requestBody: { live: r.live ? "true" : "false", notificationItems: [{ NotificationRequestItem: r.raw }] },
        status: 200,
        responseHeaders: {},
        responseBody: undefined,
        durationMs: null,
        client: null,
        origin: { file: "stored webhooks", entry: Number(r.id) },
      };
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)?.id ?? after;
  }
}

export function dashboardInputs(): TrafficInput[] {
  return [
    {
      name: "recorded Adyen calls",
      format: "exchanges",
      exchanges: recordedExchanges(),
      dailyOrigin: (day) => `dashboard:${day}`,
    },
    {
      name: "stored webhooks",
      format: "exchanges",
      exchanges: storedProcessRetryWebhooks(),
      dailyOrigin: (day) => `webhooks:${day}`,
    },
  ];
}
