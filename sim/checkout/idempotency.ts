// Adyen's Idempotency-Key framework for POST requests: replay, in-flight conflict (704), store outage (703).
import { createHash } from "node:crypto";
import { serviceError } from "../errors";
import { headerValue } from "../http/request-io";
import { withHeaders, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import type { SimRuntime } from "../runtime";

const MAX_KEY_LENGTH = 64;
// Adyen keeps keys "for a minimum period of 31 days after first submission".
const KEY_VALIDITY_MS = 31 * 24 * 60 * 60 * 1000;
const TRANSIENT = { "transient-error": "true" };

interface Entry {
  readonly fingerprint: string;
  readonly createdAt: number;
  reply: Reply | null; // null while the first request is still being processed
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  get(scopedKey: string, now: number): Entry | undefined {
    const entry = this.entries.get(scopedKey);
    if (entry && entry.reply !== null && now - entry.createdAt > KEY_VALIDITY_MS) {
      this.entries.delete(scopedKey);
      return undefined;
    }
    return entry;
  }

  begin(scopedKey: string, fingerprint: string, now: number): Entry {
    const entry: Entry = { fingerprint, createdAt: now, reply: null };
    this.entries.set(scopedKey, entry);
    return entry;
  }

  forget(scopedKey: string): void {
    this.entries.delete(scopedKey);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Same logical request = same method, path and JSON body regardless of key order or whitespace. */
function fingerprintOf(req: RequestContext): string {
  let body = req.rawBody;
  try {
    body = stableStringify(JSON.parse(req.rawBody));
  } catch {
    // Unparseable bodies are compared byte for byte.
  }
  return createHash("sha256").update(`${req.method} ${req.path}\n${body}`).digest("hex");
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function isTransient(reply: Reply): boolean {
  return reply.status >= 500 || reply.headers["transient-error"] === "true";
}

export async function withIdempotency(
  req: RequestContext,
  rt: SimRuntime,
  process: () => Promise<Reply>,
): Promise<Reply> {
  const key = headerValue(req.headers["idempotency-key"]);
  if (key === undefined) return process();
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    return serviceError(400, "702", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`, "validation");
  }
  const echo = { "idempotency-key": key };
  if (!rt.state.faults.idempotencyStoreAvailable) {
    return serviceError(503, "703", "Idempotency store unavailable", "internal", { ...TRANSIENT, ...echo });
  }
  const store = rt.state.idempotency;
  // Keys are scoped to the company account, not to the merchant account or the endpoint.
  const scopedKey = `${rt.config.companyId}\u0000${key}`;
  const now = rt.clock.now().getTime();
  const fingerprint = fingerprintOf(req);
  const existing = store.get(scopedKey, now);
  if (existing) {
    if (existing.reply === null) {
      return serviceError(422, "704", "request already processed or in progress", "validation", {
        ...TRANSIENT,
        ...echo,
      });
    }
    if (existing.fingerprint === fingerprint || rt.config.idempotencyBodyMismatch === "replay") return existing.reply;
    // Not transient: retrying cannot help, the caller must use a new key for a new request.
    return serviceError(422, "704", "Idempotency-Key already used for a different request", "validation", echo);
  }
  const entry = store.begin(scopedKey, fingerprint, now);
  let reply: Reply;
  try {
    reply = withHeaders(await process(), echo);
  } catch (err) {
    store.forget(scopedKey);
    throw err;
  }
  // Transient failures are not remembered, so a retry with the same key is processed again.
  if (isTransient(reply)) store.forget(scopedKey);
  else entry.reply = reply;
  return reply;
}
