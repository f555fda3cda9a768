// A response as a value: handlers return it, idempotency stores and replays it, the server writes it (or drops it).
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function jsonReply(status: number, data: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", ...headers },
    body: JSON.stringify(data),
  };
}

export function htmlReply(status: number, html: string): Reply {
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
}

export function redirectReply(location: string): Reply {
  // 303 so the browser follows a form POST with a GET (post/redirect/get).
  return { status: 303, headers: { location }, body: "" };
}

export function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}
