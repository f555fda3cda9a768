// The error mapping of lib/http/route.ts for handlers that answer on Node's own response object.
import type { ServerResponse } from "node:http";
import { mapError } from "@/lib/http/route";

export function sendError(res: ServerResponse, err: unknown, requestId: string): void {
  const { status, body } = mapError(err, requestId);
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-request-id", requestId);
  res.end(JSON.stringify(body));
}

/** Reads a request body as text, refusing more than `limit` bytes. */
export async function readBodyText(req: AsyncIterable<Buffer | string>, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > limit) throw Object.assign(new Error("body too large"), { tooLarge: true });
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}
