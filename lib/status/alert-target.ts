// Where alert webhooks may go. An admin types the URL, and this server posts to it from inside the merchant's
// network, so it must not become a way to reach what only that network can: loopback, link-local (the cloud's
// metadata service at 169.254.169.254 included), private and other special-purpose addresses are refused unless
// ALERT_ALLOW_PRIVATE_TARGETS=true (the default in simulator mode only). The address checked is the address
// connected to: the name is resolved once per delivery, by the connection's own `lookup`, and only an allowed
// address is handed on — a name that resolved to a public address when the endpoint was saved and to a private one
// now (DNS rebinding) is refused at delivery. With real Adyen credentials the URL must be https.
import dns from "node:dns";
import net from "node:net";
import { AppError } from "@/lib/errors";
import { alertTargetsMayBePrivate, env, hasRealCredentials } from "@/lib/env";

export type TargetPolicy = { allowPrivate: boolean; requireHttps: boolean };

export function targetPolicy(): TargetPolicy {
  const e = env();
  return { allowPrivate: alertTargetsMayBePrivate(e), requireHttps: hasRealCredentials(e) };
}

// IANA's special-purpose registries: nothing here is a public webhook receiver. IPv4-mapped IPv6 addresses
// (::ffff:127.0.0.1) are matched against the IPv4 ranges by BlockList itself.
const SPECIAL = new net.BlockList();
for (const [range, bits] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT (also Alibaba's metadata 100.100.100.200)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local: cloud metadata services
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  SPECIAL.addSubnet(range, bits, "ipv4");
for (const [range, bits] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64: would reach an IPv4 address of any kind
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4: would reach an IPv4 address of any kind
  ["fc00::", 7], // unique local (AWS's metadata fd00:ec2::254 included)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const)
  SPECIAL.addSubnet(range, bits, "ipv6");

/** Loopback, link-local, private, metadata or another address no public receiver has. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true; // not an address at all: never connect to it
  return SPECIAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

function refused(message: string): AppError {
  return new AppError("VALIDATION", `Invalid alert endpoint: url: ${message}`, {
    problems: [{ path: "url", message }],
  });
}

/** What the URL alone says (scheme, credentials, a literal address); a name is checked again at each delivery. */
export function targetProblem(url: URL, policy: TargetPolicy): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL";
  if (policy.requireHttps && url.protocol !== "https:") return "must be https with real Adyen credentials";
  if (url.username || url.password) return "must not contain a user name or password (use the signing secret)";
  const host = hostOf(url);
  if (!policy.allowPrivate && net.isIP(host) && isPrivateAddress(host))
    return "points at a loopback, link-local, private or metadata address (set ALERT_ALLOW_PRIVATE_TARGETS=true to allow)";
  return null;
}

/** Checks a URL an admin entered; a name that resolves to a refused address now is refused too (best effort). */
export async function assertAlertTarget(raw: string, policy = targetPolicy()): Promise<URL> {
  const url = new URL(raw);
  const problem = targetProblem(url, policy);
  if (problem) throw refused(problem);
  const host = hostOf(url);
  if (policy.allowPrivate || net.isIP(host)) return url;
  const addresses = await dns.promises.lookup(host, { all: true }).catch(() => []);
  if (addresses.length > 0 && addresses.every((a) => isPrivateAddress(a.address)))
    throw refused(`${host} resolves to a loopback, link-local, private or metadata address`);
  return url;
}

type Resolve = (
  host: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;
const systemResolve: Resolve = (host, callback) => dns.lookup(host, { all: true }, callback);

/**
 * The `lookup` of a delivery's connection: resolves the name once and hands on only an allowed address, so the
 * connection goes exactly where the check looked. `resolve` is the system's resolver (a test gives its own).
 */
export function checkedLookup(policy: TargetPolicy, resolve: Resolve = systemResolve): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const usable = policy.allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      const wanted = typeof options === "object" && options.family ? Number(options.family) : 0;
      const chosen = usable.find((a) => !wanted || a.family === wanted) ?? usable[0];
      if (!chosen) {
        const refusal = Object.assign(new Error(`${hostname} resolves only to refused addresses`), {
          code: "EREFUSEDTARGET",
        });
        return callback(refusal, "", 0);
      }
      if (typeof options === "object" && options.all) {
        (callback as unknown as (e: null, list: dns.LookupAddress[]) => void)(null, [chosen]);
        return;
      }
      callback(null, chosen.address, chosen.family);
    });
  };
}

/**
 * The URL as the page and the audit log show it: scheme, host and port only. Slack's and Teams' incoming webhook
 * URLs carry their secret in the path, so the rest is never shown again after saving.
 */
export function maskAlertUrl(raw: string): string {
  try {
    const u = new URL(raw);
    const hidden = u.pathname !== "/" || u.search !== "" || u.hash !== "" || u.username !== "" || u.password !== "";
    return `${u.protocol}//${u.host}/${hidden ? "…" : ""}`;
  } catch {
    return "…";
  }
}
