// Records this dashboard's own Adyen calls (those the checker judges: calls to endpoints that take an
// Idempotency-Key, or that carry one or a Pragma header; not the self-test's), redacted before they are
// buffered, written in batches. A failed write is logged and dropped: recording must never slow down or break a payment call.
import { observeAdyenExchanges, type AdyenExchangeRecord } from "@/lib/adyen/exchange-observer";
import { SELF_TEST_USER_AGENT } from "@/lib/adyen/raw-call";
import { redactSecretFields } from "@/lib/adyen/secret-fields";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { headerMap } from "@/lib/idempotency/headers";
import { classifyUrl, extraHostsFor } from "@/lib/idempotency/normalize";
import { redactBody, redactHeaders, redactUrl } from "@/lib/idempotency/redact";
import { errorFields, log } from "@/lib/log";

type Row = {
  at: Date;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  status: number | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  durationMs: number;
  client: string | null;
};

const FLUSH_MS = 2_000;
const FLUSH_AT = 100;
/** Beyond this many unwritten records (database down), the oldest are dropped and counted. */
const MAX_BUFFERED = 5_000;

const g = globalThis as unknown as { __idemRecorder?: Recorder };

class Recorder {
  private buffer: Row[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  dropped = 0;
  readonly stop: () => void;

  constructor() {
    this.stop = observeAdyenExchanges((x) => this.take(x));
  }

  private take(x: AdyenExchangeRecord): void {
    const requestHeaders = headerMap(Object.fromEntries(x.requestHeaders));
    const e = env();
    const target = classifyUrl(
      x.url,
      x.method,
      extraHostsFor(e.ADYEN_API_BASE_URL, e.ADYEN_ENVIRONMENT, e.ADYEN_REGION),
    );
    const relevant =
      target?.acceptsKey || requestHeaders["idempotency-key"] !== undefined || requestHeaders["pragma"] !== undefined;
    // The self-test changes keys on purpose (step 3): its calls would report this dashboard as not ready.
    if (!relevant || requestHeaders["user-agent"] === SELF_TEST_USER_AGENT) return;
    this.buffer.push({
      at: new Date(x.startedAt),
      method: x.method,
      url: redactUrl(x.url),
      requestHeaders: redactHeaders(requestHeaders),
      // Terminal settings carry passcodes, the nexo key and Wi-Fi credentials: dropped by field name first.
      requestBody: redactBody(redactSecretFields(x.requestBody)),
      status: x.status,
      responseHeaders: redactHeaders(x.responseHeaders ? headerMap(Object.fromEntries(x.responseHeaders)) : {}),
      responseBody: redactBody(redactSecretFields(x.responseBody)),
      durationMs: x.durationMs,
      client: requestHeaders["user-agent"] ?? null,
    });
    if (this.buffer.length > MAX_BUFFERED) {
      this.dropped += this.buffer.length - MAX_BUFFERED;
      this.buffer.splice(0, this.buffer.length - MAX_BUFFERED);
    }
    if (this.buffer.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(async () => {
      const rows = this.buffer;
      this.buffer = [];
      if (rows.length === 0) return;
      try {
        await db().adyenExchange.createMany({ data: rows });
      } catch (err) {
        this.dropped += rows.length;
        log.warn("idempotency.recorder_write_failed", { records: rows.length, ...errorFields(err) });
      }
    });
    return this.writing;
  }
}

/** Starts recording in this process (once); the app's start and the ops commands that call Adyen use it. */
export function startAdyenExchangeRecording(): void {
  g.__idemRecorder ??= new Recorder();
}

/** Writes what is buffered (a CLI command calls this before it exits). */
export async function flushAdyenExchangeRecording(): Promise<void> {
  await g.__idemRecorder?.flush();
}

export function stopAdyenExchangeRecording(): void {
  g.__idemRecorder?.stop();
  g.__idemRecorder = undefined;
}
