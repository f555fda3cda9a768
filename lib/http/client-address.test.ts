import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressOf, installForwardedHeaders, trustedProxyList } from "@/lib/http/client-address";

describe("the client address", () => {
  const none = trustedProxyList([]);
  const proxies = trustedProxyList(["10.0.0.0/8", "192.0.2.1", "fd00::/8"]);

  it.each([
    ["a client's own X-Forwarded-For without a trusted proxy", "198.51.100.7", "1.2.3.4", none, "198.51.100.7"],
    ["a client's header when the peer is not a trusted proxy", "198.51.100.7", "1.2.3.4", proxies, "198.51.100.7"],
    ["the address a trusted proxy forwards for", "10.1.2.3", "203.0.113.5", proxies, "203.0.113.5"],
    ["the right-most untrusted hop of a chain", "10.1.2.3", "6.6.6.6, 203.0.113.5, 10.9.9.9", proxies, "203.0.113.5"],
    ["a trusted proxy without the header", "::ffff:10.1.2.3", undefined, proxies, "10.1.2.3"],
    ["garbage in the chain stops at the last trusted hop", "192.0.2.1", "203.0.113.5, not-an-ip", proxies, "192.0.2.1"],
    ["IPv6 proxies", "fd00::1", "2001:db8::7", proxies, "2001:db8::7"],
    ["IPv4 on an IPv6 socket", "::ffff:198.51.100.7", "1.2.3.4", none, "198.51.100.7"],
  ])("%s", (_what, peer, header, trusted, expected) => {
    expect(clientAddressOf(peer, header, trusted)).toBe(expected);
  });
});

describe("forwarded headers on a real server", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    installForwardedHeaders([]);
    server = http.createServer((req, res) =>
      res.end(JSON.stringify({ for: req.headers["x-forwarded-for"], proto: req.headers["x-forwarded-proto"] })),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("replaces what the client claims with what the socket says", async () => {
    const res = await fetch(url, { headers: { "x-forwarded-for": "203.0.113.77", "x-forwarded-proto": "https" } });
    expect(await res.json()).toEqual({ for: "127.0.0.1", proto: "http" });
  });

  it("believes the loopback proxy once it is named", async () => {
    installForwardedHeaders(["127.0.0.1"]);
    const res = await fetch(url, { headers: { "x-forwarded-for": "203.0.113.77", "x-forwarded-proto": "https" } });
    expect(await res.json()).toEqual({ for: "203.0.113.77", proto: "https" });
    installForwardedHeaders([]);
  });
});
