// Alert webhooks cannot be pointed at what only the server's network reaches: loopback, link-local, private and
// metadata addresses are refused (unless allowed), also when a name only resolves there at delivery (DNS rebinding);
// production wants https; the URL is masked wherever it is shown again; an answer is read only so far.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { withTestDatabase } from "@/lib/testing/database";
import { REAL_CREDENTIALS_ENV } from "@/lib/testing/environments";
import { createAlertEndpoint, deleteAlertEndpoint, listAlertSetup } from "./alert-config";
import { postAlert, MAX_ANSWER_BYTES } from "./alert-post";
import { checkedLookup, isPrivateAddress, maskAlertUrl } from "./alert-target";
import { deliverAlert } from "./alerts";

withTestDatabase();
const QUIET = { LOG_LEVEL: "silent" };
const LIVE = REAL_CREDENTIALS_ENV;

let received = 0;
let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    received++;
    req.resume();
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  setEnvForTests({});
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  setEnvForTests(QUIET);
  received = 0;
  await db().alertDelivery.deleteMany();
  await db().alertEndpoint.deleteMany();
});

const refusalOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => "accepted",
    (e: { code?: string; details?: { problems?: { path: string; message: string }[] } }) =>
      `${e.code} ${e.details?.problems?.[0]?.path}: ${e.details?.problems?.[0]?.message}`,
  );

describe("addresses an alert may not go to", () => {
  it.each([
    "127.0.0.1",
    "127.255.1.2",
    "::1",
    "169.254.169.254",
    "fe80::1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "100.100.100.200",
    "fd00:ec2::254",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "64:ff9b::a9fe:a9fe",
  ])("%s is refused", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["93.184.215.14", "2606:4700::6810:84e5", "3.5.140.2"])("%s is a public address", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe("saving an alert endpoint", () => {
  it.each([
    `http://127.0.0.1:${9}/hook`,
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:8080/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://2130706433/hook",
    "http://0x7f.1/hook",
    "http://10.0.0.5/hook",
    "http://localhost/hook",
  ])("refuses %s with a 400 naming the url", async (url) => {
    expect(await refusalOf(createAlertEndpoint("system", { name: "x", url }))).toMatch(
      /^VALIDATION url: .*(loopback, link-local, private or metadata address)/,
    );
    expect(await db().alertEndpoint.count()).toBe(0);
  });

  it("allows them with ALERT_ALLOW_PRIVATE_TARGETS=true (and in simulator mode by default)", async () => {
    setEnvForTests({ ...QUIET, ALERT_ALLOW_PRIVATE_TARGETS: "true" });
    await expect(createAlertEndpoint("system", { name: "a", url: `http://127.0.0.1:${port}/a` })).resolves.toBeTruthy();
    setEnvForTests({ ...QUIET, SIMULATOR_MODE: "true" });
    await expect(createAlertEndpoint("system", { name: "b", url: `http://127.0.0.1:${port}/b` })).resolves.toBeTruthy();
    setEnvForTests({ ...QUIET, SIMULATOR_MODE: "true", ALERT_ALLOW_PRIVATE_TARGETS: "false" });
    expect(await refusalOf(createAlertEndpoint("system", { name: "c", url: `http://127.0.0.1:${port}/c` }))).toMatch(
      /^VALIDATION url:/,
    );
  });

  it("wants https with real Adyen credentials, and no credentials in the URL", async () => {
    setEnvForTests(LIVE);
    expect(await refusalOf(createAlertEndpoint("system", { name: "x", url: "http://hooks.example.com/x" }))).toBe(
      "VALIDATION url: must be https with real Adyen credentials",
    );
    expect(
      await refusalOf(createAlertEndpoint("system", { name: "x", url: "https://me:pw@hooks.example.com/x" })),
    ).toMatch(/^VALIDATION url: must not contain a user name or password/);
    await expect(
      createAlertEndpoint("system", { name: "Slack", url: "https://hooks.example.com/services/T0/B0/XyZsecret" }),
    ).resolves.toBeTruthy();
  });
});

describe("delivering an alert", () => {
  /** An endpoint saved while its name pointed elsewhere (or with the check allowed), now pointing at loopback. */
  async function rebound(url: string) {
    const endpoint = await db().alertEndpoint.create({ data: { name: "rebound", url, createdBy: "test" } });
    const d = await db().alertDelivery.create({
      data: { endpointId: endpoint.id, payload: { text: "hello" }, status: "pending" },
    });
    return d.id;
  }

  it("connects only to an address it checked: a name that now resolves to loopback gets nothing", async () => {
    const id = await rebound(`http://localhost:${port}/hook`);
    expect(await deliverAlert(id)).toBe("retry");
    expect(received).toBe(0);
    expect((await db().alertDelivery.findUniqueOrThrow({ where: { id } })).lastError).toMatch(
      /^refused: localhost resolves to a loopback, link-local, private or metadata address/,
    );
    // Allowed again: the same delivery goes through.
    setEnvForTests({ ...QUIET, ALERT_ALLOW_PRIVATE_TARGETS: "true" });
    expect(await deliverAlert(id)).toBe("delivered");
    expect(received).toBe(1);
  });

  it("refuses a literal private address and http in production at delivery too", async () => {
    const literal = await rebound(`http://127.0.0.1:${port}/hook`);
    expect(await deliverAlert(literal)).toBe("retry");
    setEnvForTests({ ...LIVE, ALERT_ALLOW_PRIVATE_TARGETS: "true" });
    expect(await deliverAlert(literal)).toBe("retry");
    expect(received).toBe(0);
    expect((await db().alertDelivery.findUniqueOrThrow({ where: { id: literal } })).lastError).toMatch(
      /must be https with real Adyen credentials/,
    );
  });

  it("hands the connection exactly the address it resolved and checked, once", () => {
    let resolutions = 0;
    const lookup = checkedLookup({ allowPrivate: false, requireHttps: false }, (_host, callback) => {
      resolutions++;
      // A rebinding name: a private address first, then a public one.
      callback(null, [
        { address: "127.0.0.1", family: 4 },
        { address: "93.184.215.14", family: 4 },
      ]);
    });
    const got: unknown[] = [];
    lookup("hooks.example.com", { all: true }, ((err: unknown, list: unknown) => got.push(err, list)) as never);
    expect(got).toEqual([null, [{ address: "93.184.215.14", family: 4 }]]);
    expect(resolutions).toBe(1);
  });

  it("reads at most a few KB of an answer, however long it is, and keeps a short note of it", async () => {
    let closed = false;
    const endless = http.createServer((req, res) => {
      req.resume();
      res.writeHead(500, { "content-type": "text/plain" });
      res.write("upstream exploded\n" + "x".repeat(MAX_ANSWER_BYTES * 4));
      res.on("close", () => (closed = true));
    });
    await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/hook`;
      const outcome = await postAlert(
        url,
        "{}",
        {},
        {
          timeoutMs: 20_000,
          policy: { allowPrivate: true, requireHttps: false },
        },
      );
      expect(outcome).toMatchObject({
        ok: false,
        status: 500,
        problem: expect.stringMatching(/^HTTP 500: upstream exploded x+…$/),
      });
      expect(outcome.ok ? "" : outcome.problem.length).toBeLessThan(300);
      await expect.poll(() => closed).toBe(true);
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });
});

describe("the URL, once saved", () => {
  it("is shown and audited masked: scheme and host only", async () => {
    setEnvForTests({ ...QUIET, ALERT_ALLOW_PRIVATE_TARGETS: "true" });
    const secretPath = "/services/T0AAA/B0BBB/XyZsecretToken";
    const e = await createAlertEndpoint("system", { name: "Slack", url: `http://127.0.0.1:${port}${secretPath}` });
    expect(e.url).toBe(`http://127.0.0.1:${port}/…`);
    expect((await listAlertSetup("system")).endpoints.map((x) => x.url)).toEqual([`http://127.0.0.1:${port}/…`]);
    await deleteAlertEndpoint("system", e.id);
    const audit = await db().auditLog.findMany({ where: { entityType: "alert_endpoint", entityId: e.id } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      "XyZsecretToken",
    );
    expect(maskAlertUrl("https://hooks.slack.com/")).toBe("https://hooks.slack.com/");
    expect(maskAlertUrl("https://outlook.office.com/webhook/abc?x=1")).toBe("https://outlook.office.com/…");
  });
});
