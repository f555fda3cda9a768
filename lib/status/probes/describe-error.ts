// One short phrase for why a probe call failed, and whether it says "down" or only "could not check".
import { isAdyenApiError } from "@/lib/adyen/errors";

export type CallFailure = { kind: "down" | "error"; text: string; httpStatus?: number };

/**
 * Timeouts, network failures and 5xx mean the API (or the path through it) is not working: down. A 4xx means the
 * call itself was refused (credentials, configuration): the check failed, which says nothing about the store.
 * Anything else (an answer we could not parse) is a failed check too.
 */
export function describeFailure(err: unknown, timeoutMs: number): CallFailure {
  if (isAdyenApiError(err)) {
    if (err.kind === "timeout") return { kind: "down", text: `no answer within ${timeoutMs / 1000} s` };
    if (err.kind === "network")
      return { kind: "down", text: `unreachable${err.networkCode ? ` (${err.networkCode})` : ""}` };
    const status = err.httpStatus ?? 0;
    const code = err.errorCode ? `, errorCode ${err.errorCode}` : "";
    return { kind: status >= 500 ? "down" : "error", text: `HTTP ${status}${code}`, httpStatus: status };
  }
  if (err instanceof SyntaxError) return { kind: "error", text: "malformed answer (not JSON)" };
  return { kind: "error", text: err instanceof Error ? err.message.slice(0, 200) : "unexpected failure" };
}
