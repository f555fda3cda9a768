// Which translations reach the browser. Server components translate on the server; only client components need
// messages in the page's payload, and each route segment sends just the namespaces its client components use (all
// of them, on every page, were 36 KB of every response). A nested provider replaces its parent's messages, so each
// segment's list is complete with the shell's. `client-messages.test.ts` checks every client component against it.

/** The shell's client components (locale switch, status banner and its reasons, route errors), on every page. */
export const SHELL_NAMESPACES = ["common", "nav", "banner", "statusReason"] as const;

/** Route segment (its folder under the route groups) → what its client components translate. */
export const SEGMENT_NAMESPACES = {
  login: ["login"],
  admin: ["admin"],
  idempotency: ["idempotency"],
  "payment-links": ["links", "problems", "amountConfirm"],
  reconciliation: ["recon.actions", "recon.bulk", "recon.detail"],
  "reconciliation/imports": ["imports"],
  runbook: [
    "runbook.outage",
    "runbook.receipts.form",
    "runbook.tapToPay",
    "links.form",
    "links.result",
    "links.status",
    "terminals.switch",
    "problems",
    "amountConfirm",
  ],
  status: ["status"],
  terminals: ["terminals.switch", "terminals.sync"],
} as const satisfies Record<string, readonly string[]>;

export type ClientSegment = keyof typeof SEGMENT_NAMESPACES;

type Messages = Record<string, unknown>;

/** The messages under each dotted path (a namespace or a single message), nested as in the full set. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const p of paths) {
    const keys = p.split(".");
    let from: unknown = messages;
    for (const k of keys) from = from && typeof from === "object" ? (from as Messages)[k] : undefined;
    if (from === undefined) continue;
    let to = out;
    for (const k of keys.slice(0, -1)) to = (to[k] ??= {}) as Messages;
    to[keys.at(-1) as string] = from;
  }
  return out;
}

export function segmentNamespaces(segment: ClientSegment | null): readonly string[] {
  return segment ? [...SHELL_NAMESPACES, ...SEGMENT_NAMESPACES[segment]] : SHELL_NAMESPACES;
}
