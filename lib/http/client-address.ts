// Who is on the other end of a request. X-Forwarded-For and X-Forwarded-Proto are written by whoever sends the
// request, so they are believed only when the peer is a proxy the configuration names (TRUSTED_PROXIES); then the
// client is the right-most address that is not one of our proxies. The app's own server (Next) passes these
// headers on as they arrive and cannot tell us the peer, so `installForwardedHeaders` rewrites them on Node's
// request before Next sees it, through Node's documented `http.server.request.start` diagnostics channel.
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import type { Socket } from "node:net";

/** `::ffff:10.0.0.1` (IPv4 on an IPv6 socket) is 10.0.0.1. */
export function normalizeAddress(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, "");
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a.toLowerCase();
}

/** TRUSTED_PROXIES entries: addresses or CIDR ranges, IPv4 or IPv6 (checked in lib/env.ts). */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(normalizeAddress(address), family);
    else list.addSubnet(normalizeAddress(address), Number(bits), family);
  }
  return list;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address: the peer itself, unless the peer is a trusted proxy that says whom it forwards for. */
export function clientAddressOf(peer: string, forwardedFor: string | undefined, trusted: BlockList): string {
  let client = normalizeAddress(peer);
  if (!isTrusted(client, trusted) || !forwardedFor) return client;
  const hops = forwardedFor.split(",").map(normalizeAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? "";
    if (isIP(hop) === 0) break; // garbage in the chain: stop at the last proxy we trust
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client;
}

/** What the app may believe of these two headers, given the socket they came in on. */
export function rewriteForwardedHeaders(request: IncomingMessage, socket: Socket, trusted: BlockList): void {
  const peer = socket.remoteAddress ?? "";
  const forwardedFor = request.headers["x-forwarded-for"];
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  request.headers["x-forwarded-for"] = clientAddressOf(peer, header, trusted);
  const proxied = isTrusted(normalizeAddress(peer), trusted);
  const encrypted = "encrypted" in socket && socket.encrypted === true;
  const proto = request.headers["x-forwarded-proto"];
  const last = (Array.isArray(proto) ? proto.join(",") : (proto ?? "")).split(",").at(-1)?.trim().toLowerCase();
  request.headers["x-forwarded-proto"] =
    proxied && (last === "https" || last === "http") ? last : encrypted ? "https" : "http";
}

const installed = globalThis as unknown as { __opsForwardedHeaders?: (message: unknown) => void };

/** Rewrites the forwarded headers of every request this process's HTTP servers receive. Idempotent. */
export function installForwardedHeaders(trustedEntries: readonly string[]): void {
  if (installed.__opsForwardedHeaders)
    diagnostics.unsubscribe("http.server.request.start", installed.__opsForwardedHeaders);
  const trusted = trustedProxyList(trustedEntries);
  installed.__opsForwardedHeaders = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    rewriteForwardedHeaders(request, socket, trusted);
  };
  diagnostics.subscribe("http.server.request.start", installed.__opsForwardedHeaders);
}
