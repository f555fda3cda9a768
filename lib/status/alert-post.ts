// One POST of an alert to its endpoint, over node:http(s) so that the connection uses the checked lookup of
// alert-target.ts (never fetch's own resolver). Redirects are not followed, the whole attempt has one deadline, and
// of the answer at most MAX_ANSWER_BYTES are read (for the delivery log), then the connection is dropped.
import http from "node:http";
import https from "node:https";
import { checkedLookup, targetProblem, type TargetPolicy } from "./alert-target";

/** Of an answer, this much is read and kept (as a note in the delivery log); the rest is never read. */
export const MAX_ANSWER_BYTES = 2_048;
const MAX_NOTE = 200;

export type PostOutcome = { ok: true; status: number } | { ok: false; status: number | null; problem: string };

/** The first characters of an answer, on one line, without control characters. */
function noteOf(bytes: Buffer): string {
  const text = bytes
    .toString("utf8")
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim();
  return text.length > MAX_NOTE ? `${text.slice(0, MAX_NOTE)}…` : text;
}

export function postAlert(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; policy: TargetPolicy },
): Promise<PostOutcome> {
  const url = new URL(rawUrl);
  const refusal = targetProblem(url, opts.policy);
  if (refusal) return Promise.resolve({ ok: false, status: null, problem: `refused: the URL ${refusal}` });
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const req = transport.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: checkedLookup(opts.policy),
      // A fresh connection per attempt: a kept-alive one could outlive the check of the address it went to.
      agent: false,
    });
    const timer = setTimeout(
      () => finish({ ok: false, status: null, problem: `no answer within ${opts.timeoutMs / 1000} s` }),
      opts.timeoutMs,
    );
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const note = noteOf(Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES));
        if (status >= 200 && status < 300) return finish({ ok: true, status });
        const redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
        finish({ ok: false, status, problem: `HTTP ${status}${redirect}${note ? `: ${note}` : ""}` });
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_ANSWER_BYTES) done();
      });
      res.on("end", done);
      res.on("error", done);
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      const code = err.code ?? "network error";
      const problem =
        code === "EREFUSEDTARGET"
          ? `refused: ${url.hostname} resolves to a loopback, link-local, private or metadata address`
          : `unreachable (${code})`;
      finish({ ok: false, status: null, problem });
    });
    req.end(body);
  });
}
