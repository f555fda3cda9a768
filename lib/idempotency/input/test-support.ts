// Test helpers for the readers: feed a file in chunks of any size and collect what comes out.
import {
  DEFAULT_READ_LIMITS,
  newFileRead,
  readExchanges,
  type FileRead,
  type ReadLimits,
} from "@/lib/idempotency/input/read-file";
import type { Exchange } from "@/lib/idempotency/types";

export async function* inChunks(data: Buffer | string, size: number): AsyncGenerator<Buffer> {
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

export async function readAll(
  data: Buffer | string,
  opts: { name?: string; chunk?: number; limits?: Partial<ReadLimits> } = {},
): Promise<{ exchanges: Exchange[]; result: FileRead }> {
  const result = newFileRead(opts.name ?? "input");
  const exchanges: Exchange[] = [];
  for await (const x of readExchanges(inChunks(data, opts.chunk ?? 65_536), result, {
    ...DEFAULT_READ_LIMITS,
    ...opts.limits,
  }))
    exchanges.push(x);
  return { exchanges, result };
}

/** A HAR 1.2 document around the given entries (as Chrome writes it: creator, pages, then entries). */
export function harDocument(entries: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      log: {
        version: "1.2",
        creator: { name: "WebInspector", version: "537.36" },
        pages: [{ startedDateTime: "2026-01-05T10:00:00.000Z", id: "page_1", title: "x", pageTimings: {} }],
        entries,
        ...extra,
      },
    },
    null,
    2,
  );
}

export function harEntry(over: {
  url?: string;
  method?: string;
  headers?: { name: string; value: string }[];
  postData?: Record<string, unknown>;
  status?: number;
  responseHeaders?: { name: string; value: string }[];
  content?: Record<string, unknown>;
  started?: string;
  time?: number;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    startedDateTime: over.started ?? "2026-01-05T10:00:00.000Z",
    time: over.time ?? 120,
    request: {
      method: over.method ?? "POST",
      url: over.url ?? "https://checkout-test.adyen.com/v71/payments",
      httpVersion: "HTTP/1.1",
      headers: over.headers ?? [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(over.postData ? { postData: over.postData } : {}),
    },
    response: {
      status: over.status ?? 200,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: over.responseHeaders ?? [],
      cookies: [],
      content: over.content ?? { size: 2, mimeType: "application/json", text: "{}" },
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 100, receive: 20, ssl: -1 },
    ...over.extra,
  };
}
