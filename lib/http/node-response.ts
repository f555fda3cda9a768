// The error mapping of lib/http/route.ts for handlers that answer on Node's own response object.
import type { ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { mapError } from "@/lib/http/route";

export function sendError(res: ServerResponse, err: unknown, requestId: string): void {
  const { status, body } = mapError(err, requestId);
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-request-id", requestId);
  res.end(JSON.stringify(body));
}

/**
 * Reads a request body as text, refusing more than `limit` bytes with an error marked `tooLarge`. On refusal the
 * request stops being read but is not destroyed, so the caller can still answer (413) on the same socket.
 */
export function readBodyText(req: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(Object.assign(new Error("body too large"), { tooLarge: true }));
        return;
      }
      chunks.push(buf);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onClose = () => {
      cleanup();
      reject(Object.assign(new Error("the client closed the request before sending all of it"), { aborted: true }));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
